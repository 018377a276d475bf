import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateResetToken, hashResetToken, isResetTokenLive } from "@/lib/auth/reset-token";

describe("reset tokens (AS5)", () => {
  it("carry 128 random bits, URL-safe, never repeating", () => {
    const tokens = Array.from({ length: 200 }, generateResetToken);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(t, "base64url")).toHaveLength(16);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("are stored as their SHA-256 only", () => {
    const t = generateResetToken();
    expect(hashResetToken(t)).toBe(createHash("sha256").update(t).digest("hex"));
    expect(hashResetToken(t)).not.toContain(t);
  });

  it("are live until expiry and until used", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const expiresAt = new Date(now.getTime() + 30 * 60_000);
    expect(isResetTokenLive({ expiresAt, usedAt: null }, now)).toBe(true);
    expect(isResetTokenLive({ expiresAt, usedAt: null }, new Date(expiresAt.getTime() - 1))).toBe(true);
    expect(isResetTokenLive({ expiresAt, usedAt: null }, expiresAt)).toBe(false);
    expect(isResetTokenLive({ expiresAt, usedAt: now }, now)).toBe(false);
  });
});
