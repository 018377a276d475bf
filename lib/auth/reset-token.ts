import { createHash, randomBytes } from "node:crypto";

/** 128 bits from the CSPRNG, URL-safe (22 characters). Only its hash is ever stored. */
export function generateResetToken(): string {
  return randomBytes(16).toString("base64url");
}

/** SHA-256 is enough for a 128-bit random secret (ASVS 5.0 6.5.2): nothing to brute-force. */
export function hashResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isResetTokenLive(row: { expiresAt: Date; usedAt: Date | null }, now: Date): boolean {
  return row.usedAt === null && row.expiresAt.getTime() > now.getTime();
}
