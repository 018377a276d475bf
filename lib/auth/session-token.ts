import { LRUCache } from "lru-cache";
import { decode, encode } from "next-auth/jwt";
import { z } from "zod";
import { authSecret, sessionCookieName, sessionTimes } from "./session-config";

/** What our JWT carries besides NextAuth's own claims (iat, exp, jti). */
export const sessionClaimsSchema = z.object({
  sub: z.string().min(1),
  role: z.string().optional(),
  sv: z.number().int().min(0),
  authTime: z.number().int().positive(),
  iat: z.number().optional(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

/** The session token from a Cookie header, joining NextAuth's `.0`, `.1`… chunks if it split it. */
export function sessionTokenFromCookieHeader(header: string | null, name = sessionCookieName()): string | null {
  if (!header) return null;
  const chunks = new Map<string, string>();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    if (key === name || key.startsWith(`${name}.`)) chunks.set(key, part.slice(eq + 1).trim());
  }
  if (chunks.has(name)) return chunks.get(name) || null;
  const parts: string[] = [];
  for (let i = 0; chunks.has(`${name}.${i}`); i++) parts.push(chunks.get(`${name}.${i}`) ?? "");
  return parts.length ? parts.join("") : null;
}

interface DecodedToken {
  claims: SessionClaims;
  exp: number;
}

// Decrypting a NextAuth JWT (HKDF key derivation + AES-GCM) is most of what an authenticated
// request costs on the hot polling path; the same cookie comes back every 2 s, so successful
// decodes are remembered (never failures). Expiry and the absolute lifetime are re-checked on
// every use; revocation never depended on this (it is the database version check).
const g = globalThis as unknown as { amrDecodedTokens?: LRUCache<string, DecodedToken> };
const decodedTokens = () => (g.amrDecodedTokens ??= new LRUCache<string, DecodedToken>({ max: 20_000 }));

/**
 * Decrypts and checks a session token: signature and `exp` (by jose), our claim shape, and the
 * absolute lifetime from `authTime`. Null for anything else (tampered, old secret, expired).
 */
export async function readSessionToken(token: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<SessionClaims | null> {
  const hit = decodedTokens().get(token);
  if (hit) {
    if (nowSeconds >= hit.exp) {
      decodedTokens().delete(token);
      return null;
    }
    return withinAbsoluteLifetime(hit.claims.authTime, nowSeconds) ? hit.claims : null;
  }
  let payload: unknown;
  try {
    payload = await decode({ token, secret: authSecret() });
  } catch {
    return null;
  }
  const parsed = sessionClaimsSchema.safeParse(payload);
  if (!parsed.success) return null;
  const exp = (payload as { exp?: unknown }).exp;
  if (typeof exp === "number") decodedTokens().set(token, { claims: parsed.data, exp });
  return withinAbsoluteLifetime(parsed.data.authTime, nowSeconds) ? parsed.data : null;
}

export function withinAbsoluteLifetime(authTime: number, nowSeconds: number): boolean {
  // A little slack for clock skew between processes; a token from the future is refused.
  return authTime <= nowSeconds + 60 && nowSeconds < authTime + sessionTimes().absoluteSeconds;
}

/** A fresh token for the same session: sliding `exp`, never past the absolute limit. */
export async function encodeSessionToken(claims: SessionClaims, nowSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  const { idleSeconds, absoluteSeconds } = sessionTimes();
  const maxAge = Math.max(1, Math.min(idleSeconds, claims.authTime + absoluteSeconds - nowSeconds));
  const { iat: _iat, ...rest } = claims;
  return encode({ token: rest, secret: authSecret(), maxAge });
}
