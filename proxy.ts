// Next 16's middleware. It sets every page's Content-Security-Policy, and, as a first line of
// defence only, turns signed-out visitors of app pages into a redirect to /login before any
// rendering. Every page, route handler and action still
// checks the session itself (requireUserPage / withUser), and /api is deliberately not matched
// (uploads must not be buffered here: a large genome would sit in memory).
import { NextResponse, type NextRequest } from "next/server";
import { isDueForRefresh, issueSessionCookie } from "@/lib/auth/session-cookie";
import { readSessionToken, sessionTokenFromCookieHeader } from "@/lib/auth/session-token";
import { contentSecurityPolicy } from "@/lib/http/csp";
import { getStorage } from "@/lib/storage";

const PROTECTED = /^\/(dashboard|account|jobs|admin|collections)(\/|$)/;
// Share pages (/s/<token>) are public by design: the token is the credential. Never indexed, and
// the token in the URL never leaves as a Referer.
const SHARED = /^\/s\/[^/]+\/?$/;

function withCsp(res: NextResponse): NextResponse {
  res.headers.set(
    "Content-Security-Policy",
    contentSecurityPolicy({ uploadOrigin: getStorage().uploadOrigin(), development: process.env.NODE_ENV === "development" }),
  );
  return res;
}

export async function proxy(req: NextRequest) {
  if (req.nextUrl.pathname.startsWith("/reset-password")) {
    // The reset token is in this page's URL: never send it on as a Referer.
    const res = NextResponse.next();
    res.headers.set("Referrer-Policy", "no-referrer");
    return withCsp(res);
  }
  if (SHARED.test(req.nextUrl.pathname)) {
    const res = NextResponse.next();
    res.headers.set("Referrer-Policy", "no-referrer");
    res.headers.set("X-Robots-Tag", "noindex, nofollow");
    return withCsp(res);
  }
  if (!PROTECTED.test(req.nextUrl.pathname)) return withCsp(NextResponse.next());
  const token = sessionTokenFromCookieHeader(req.headers.get("cookie"));
  const claims = token ? await readSessionToken(token) : null;
  if (!claims) {
    const login = new URL("/login", req.url);
    login.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(login);
  }
  const res = withCsp(NextResponse.next());
  // Page navigation is activity too: slide the idle expiry (the version check stays with the page).
  if (isDueForRefresh(claims)) res.headers.append("set-cookie", await issueSessionCookie(claims));
  return res;
}

export const config = {
  // Every page (for its CSP); /api and static assets are not pages.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
