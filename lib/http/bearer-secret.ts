import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/**
 * Whether the request carries `Authorization: Bearer <secret>` (the cron and metrics routes).
 * Fails closed: with no secret configured nothing is accepted (Vercel's snippet would accept
 * "Bearer undefined"). Both sides are hashed first so the constant-time compare sees equal
 * lengths and leaks none.
 */
export function bearerMatches(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || !authorization) return false;
  return timingSafeEqual(digest(authorization), digest(`Bearer ${secret}`));
}
