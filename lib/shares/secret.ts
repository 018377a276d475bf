import { createHash, randomBytes } from "node:crypto";

/** 32 CSPRNG bytes, URL-safe: the whole capability of a share link (`/s/<token>`). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/** 256 random bits need no slow hash: only this SHA-256 is stored, so a database leak shares nothing. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isShareTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
