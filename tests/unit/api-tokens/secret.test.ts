import { describe, expect, it } from "vitest";
import { bearerFromHeader, displayPrefix, generateTokenSecret, hashTokenSecret, isTokenShaped } from "@/lib/api-tokens/secret";
import { tokenStatus } from "@/lib/api-tokens/dto";

describe("token secrets", () => {
  it("are amr_ plus 32 random bytes, distinct, and hashed to SHA-256 hex", () => {
    const a = generateTokenSecret();
    const b = generateTokenSecret();
    expect(a).toMatch(/^amr_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(4), "base64url")).toHaveLength(32);
    expect(hashTokenSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTokenSecret(a)).not.toBe(hashTokenSecret(b));
    expect(displayPrefix(a)).toBe(a.slice(0, 10));
  });

  it("reads only well-formed Bearer headers; a malformed Bearer is '' (refuse), no header is null (try the cookie)", () => {
    const secret = generateTokenSecret();
    expect(bearerFromHeader(null)).toBeNull();
    expect(bearerFromHeader(`Bearer ${secret}`)).toBe(secret);
    expect(bearerFromHeader(`bearer  ${secret} `)).toBe(secret);
    expect(bearerFromHeader("Bearer amr_short")).toBe("");
    expect(bearerFromHeader("Bearer")).toBe("");
    expect(bearerFromHeader(`Bearer ${secret} extra`)).toBe("");
    expect(bearerFromHeader("Basic dXNlcjpwYXNz")).toBeNull();
    expect(isTokenShaped(`${secret}x`)).toBe(false);
  });

  it("status: revoked wins over expired; expiry is exclusive of the instant", () => {
    const now = new Date("2026-01-02T00:00:00Z");
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(tokenStatus({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(tokenStatus({ revokedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe("active");
    expect(tokenStatus({ revokedAt: now, expiresAt: new Date(0) }, now)).toBe("revoked");
  });
});
