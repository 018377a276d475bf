import { encode } from "next-auth/jwt";
import { authSecret, sessionCookieName, sessionTimes } from "@/lib/auth/session-config";

/**
 * A Cookie header value carrying a valid session JWT, as NextAuth would issue at sign-in.
 * `sessionVersion` must match the user's row (seedUser leaves it at 0) or requireUser refuses it.
 */
export async function sessionCookieFor(
  user: { id: string; role?: string; sessionVersion?: number },
  opts: { authTime?: number; maxAgeSeconds?: number; secret?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = await encode({
    token: { sub: user.id, role: user.role ?? "user", sv: user.sessionVersion ?? 0, authTime: opts.authTime ?? now },
    secret: opts.secret ?? authSecret(),
    maxAge: opts.maxAgeSeconds ?? sessionTimes().idleSeconds,
  });
  return `${sessionCookieName()}=${token}`;
}

/** A Request with the user's session cookie (and a same-origin Origin for mutations). */
export async function authedRequest(
  url: string,
  user: { id: string; role?: string; sessionVersion?: number },
  init: RequestInit = {},
): Promise<Request> {
  const headers = new Headers(init.headers);
  headers.set("cookie", await sessionCookieFor(user));
  const method = (init.method ?? "GET").toUpperCase();
  if (method !== "GET" && method !== "HEAD" && !headers.has("origin")) headers.set("origin", new URL(url).origin);
  return new Request(url, { ...init, headers });
}
