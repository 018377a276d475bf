import { beforeEach, describe, expect, it } from "vitest";
import type { AuthState } from "@/lib/auth/auth-state";
import { cachedAuthState, clearAuthStateCache, invalidateAuthState } from "@/lib/auth/auth-state-cache";

const row = (sessionVersion: number): AuthState => ({ id: "u1", username: "ada", role: "user", sessionVersion, disabledAt: null });

describe("cachedAuthState", () => {
  let version = 0;
  let loads = 0;
  const load = async () => {
    loads++;
    return row(version);
  };
  beforeEach(() => {
    clearAuthStateCache();
    version = 0;
    loads = 0;
  });

  it("serves repeated lookups from memory within the TTL, and reloads after it", async () => {
    const t0 = 1_000_000;
    await cachedAuthState("u1", load, { ttlMs: 2000, now: t0 });
    version = 1; // revoked elsewhere
    expect((await cachedAuthState("u1", load, { ttlMs: 2000, now: t0 + 1999 }))?.sessionVersion).toBe(0);
    expect(loads).toBe(1);
    expect((await cachedAuthState("u1", load, { ttlMs: 2000, now: t0 + 2000 }))?.sessionVersion).toBe(1);
    expect(loads).toBe(2);
  });

  it("reloads at once after an invalidation in this process", async () => {
    await cachedAuthState("u1", load, { ttlMs: 2000, now: 0 });
    version = 5;
    invalidateAuthState("u1");
    expect((await cachedAuthState("u1", load, { ttlMs: 2000, now: 1 }))?.sessionVersion).toBe(5);
  });

  it("never caches with a TTL of 0, and never trusts an entry from the future", async () => {
    await cachedAuthState("u1", load, { ttlMs: 0, now: 0 });
    await cachedAuthState("u1", load, { ttlMs: 0, now: 0 });
    expect(loads).toBe(2);
    await cachedAuthState("u1", load, { ttlMs: 2000, now: 10_000 });
    await cachedAuthState("u1", load, { ttlMs: 2000, now: 5_000 }); // clock went backwards
    expect(loads).toBe(4);
  });

  it("remembers that a user does not exist (no query storm from a deleted account's cookie)", async () => {
    const missing = async () => {
      loads++;
      return null;
    };
    await cachedAuthState("gone", missing, { ttlMs: 2000, now: 0 });
    expect(await cachedAuthState("gone", missing, { ttlMs: 2000, now: 10 })).toBeNull();
    expect(loads).toBe(1);
  });
});
