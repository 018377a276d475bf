import { cookieOptions, sessionTimes } from "./session-config";
import { encodeSessionToken, type SessionClaims } from "./session-token";

/** A Set-Cookie value with the same name and attributes NextAuth uses for the session. */
export function sessionSetCookie(token: string, maxAgeSeconds: number): string {
  const { name, options } = cookieOptions().sessionToken;
  const expires = new Date(Date.now() + maxAgeSeconds * 1000).toUTCString();
  return [
    `${name}=${token}`,
    "Path=/",
    `Expires=${expires}`,
    `Max-Age=${maxAgeSeconds}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/** Re-issues the session cookie for `claims` (sliding idle expiry, capped by the absolute limit). */
export async function issueSessionCookie(claims: SessionClaims, nowSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  const { idleSeconds, absoluteSeconds } = sessionTimes();
  const maxAge = Math.max(1, Math.min(idleSeconds, claims.authTime + absoluteSeconds - nowSeconds));
  return sessionSetCookie(await encodeSessionToken(claims, nowSeconds), maxAge);
}

/** True when the token is old enough that the next authenticated request should slide it. */
export function isDueForRefresh(claims: SessionClaims, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  return claims.iat === undefined || nowSeconds - claims.iat >= sessionTimes().refreshAfterSeconds;
}
