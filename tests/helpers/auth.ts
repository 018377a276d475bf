import type { Session, User } from "next-auth";
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

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<User | null>;

/**
 * Signs in through the real NextAuth configuration (the provider's authorize, then the jwt
 * callback, then NextAuth's encode) as its credentials callback does, minus the HTTP layer,
 * which needs a Next request scope and is covered end to end. Returns a Cookie header or null.
 */
export async function signInWithPassword(username: string, password: string, headers: Record<string, string> = {}): Promise<string | null> {
  const { authOptions } = await import("@/lib/auth/auth-options");
  const options = authOptions();
  const provider = options.providers[0] as unknown as { options: { authorize: Authorize } };
  const user = await provider.options.authorize({ username, password }, { headers });
  if (!user) return null;
  const jwt = options.callbacks?.jwt;
  if (!jwt) throw new Error("no jwt callback");
  const token = await jwt({ token: { sub: user.id }, user, account: null, trigger: "signIn" });
  const value = await encode({ token, secret: authSecret(), maxAge: options.session?.maxAge });
  return `${sessionCookieName()}=${value}`;
}

/** Runs NextAuth's sign-out event for the session in `cookie`, as POST /api/auth/signout does. */
export async function signOutWith(cookie: string): Promise<void> {
  const { authOptions } = await import("@/lib/auth/auth-options");
  const { decode } = await import("next-auth/jwt");
  const token = await decode({ token: cookie.split("=")[1], secret: authSecret() });
  if (!token) throw new Error("not a session cookie");
  await authOptions().events?.signOut?.({ token, session: {} as Session });
}
