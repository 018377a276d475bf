import { getEnv } from "@/lib/env";

/**
 * Session rules in one place (docs/auth.md "Session rules"):
 * - the JWT and its cookie live `idleSeconds`; every authenticated request older than
 *   `refreshAfterSeconds` re-issues them, so activity (dashboard polling included) slides it;
 * - `authTime` (sign-in time) caps the whole session at `absoluteSeconds`, whatever the sliding.
 */
export function sessionTimes() {
  const env = getEnv();
  return {
    absoluteSeconds: Math.round(env.SESSION_MAX_AGE_HOURS * 3600),
    idleSeconds: Math.round(env.SESSION_IDLE_MINUTES * 60),
    refreshAfterSeconds: 60,
  };
}

export function authSecret(): string {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (secret) return secret;
  // Production refuses to boot without one (lib/env.ts); dev and `next build` get a fixed one.
  if (getEnv().NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("NEXTAUTH_SECRET is required in production");
  }
  return "development-only-secret-not-for-production-use";
}

/** https deployments get `__Host-` cookies (Secure, Path=/, no Domain); http://localhost plain ones. */
export function secureCookies(): boolean {
  return (getEnv().NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return secureCookies() ? "__Host-next-auth.session-token" : "next-auth.session-token";
}

export function cookieOptions() {
  const secure = secureCookies();
  const prefix = secure ? "__Host-" : "";
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    sessionToken: { name: sessionCookieName(), options },
    callbackUrl: { name: `${prefix}next-auth.callback-url`, options },
    csrfToken: { name: `${prefix}next-auth.csrf-token`, options },
  };
}
