import { describe, expect, it } from "vitest";
import { retryDelayMs } from "@/lib/jobs/worker/retry-policy";
import { seededRandom } from "@/lib/seeded-random";

const policy = { baseMs: 1000, capMs: 30_000 };

describe("retryDelayMs", () => {
  it("doubles per attempt between half and all of base·2^(n−1)", () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(500);
    expect(retryDelayMs(1, policy, () => 0.999999)).toBe(1000);
    expect(retryDelayMs(2, policy, () => 0)).toBe(1000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(3000);
  });

  it("never exceeds the cap, however many attempts", () => {
    expect(retryDelayMs(6, policy, () => 0.999999)).toBe(30_000);
    expect(retryDelayMs(1000, policy, () => 0.999999)).toBe(30_000);
    expect(retryDelayMs(1000, policy, () => 0)).toBe(15_000);
  });

  it("spreads jobs that failed together (seeded jitter)", () => {
    const random = seededRandom(42);
    const delays = Array.from({ length: 20 }, () => retryDelayMs(2, policy, random));
    expect(new Set(delays).size).toBeGreaterThan(15);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(1000);
      expect(d).toBeLessThanOrEqual(2000);
    }
    // Reproducible: the same seed gives the same schedule.
    const again = seededRandom(42);
    expect(Array.from({ length: 20 }, () => retryDelayMs(2, policy, again))).toEqual(delays);
  });
});
