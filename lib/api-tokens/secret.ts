import { createHash, randomBytes } from "node:crypto";

/** `amr_` marks the secret as ours (secret scanners, logs); 32 CSPRNG bytes follow. */
export const TOKEN_PREFIX = "amr_";
const TOKEN_PATTERN = /^amr_[A-Za-z0-9_-]{43}$/;

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** 256 random bits need no slow hash (ASVS 5.0 6.5.2): a plain SHA-256 cannot be brute-forced. */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** What the owner sees to tell tokens apart: `amr_` and the next 6 characters (36 bits, not enough to guess). */
export function displayPrefix(secret: string): string {
  return secret.slice(0, TOKEN_PREFIX.length + 6);
}

export function isTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * The credentials of an `Authorization: Bearer …` header, or null when there is no such header.
 * A Bearer header that is present but not one of our tokens yields "" so the caller answers 401
 * rather than falling back to a cookie the script did not mean to send.
 */
export function bearerFromHeader(header: string | null): string | null {
  if (header === null) return null;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!m) return /^Bearer\b/i.test(header) ? "" : null;
  return isTokenShaped(m[1]) ? m[1] : "";
}
