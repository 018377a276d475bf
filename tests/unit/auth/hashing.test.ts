import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_BCRYPT_COST, hashPassword, needsRehash, verifyPassword } from "@/lib/auth/hashing";
import { parseEnv, resetEnvCache } from "@/lib/env";

afterEach(() => {
  delete process.env.BCRYPT_COST;
  resetEnvCache();
});

describe("password hashing (AS1)", () => {
  it("defaults to bcrypt cost 12 in production and refuses a cost below 10", () => {
    expect(DEFAULT_BCRYPT_COST).toBeGreaterThanOrEqual(12);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) }).BCRYPT_COST).toBe(12);
    expect(() => parseEnv({ BCRYPT_COST: "9" })).toThrow(/BCRYPT_COST/);
  });

  it("writes $2b$ hashes at the configured cost with a unique salt each time", async () => {
    process.env.BCRYPT_COST = "10";
    resetEnvCache();
    const [a, b] = await Promise.all([hashPassword("violet kettle orbit"), hashPassword("violet kettle orbit")]);
    expect(a).toMatch(/^\$2b\$10\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("violet kettle orbit", a)).toBe(true);
    expect(await verifyPassword("violet kettle orbiT", a)).toBe(false);
  });

  it("marks hashes weaker than the configured cost for rehashing", () => {
    process.env.BCRYPT_COST = "12";
    resetEnvCache();
    expect(needsRehash(bcrypt.hashSync("x", 10))).toBe(true);
    expect(needsRehash("$2b$12$" + "a".repeat(53))).toBe(false);
    expect(needsRehash("not a bcrypt hash")).toBe(true);
  });
});
