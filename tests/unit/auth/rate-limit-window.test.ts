import { describe, expect, it } from "vitest";
import { POLICIES } from "@/lib/rate-limit/policies";
import { evaluateWindow } from "@/lib/rate-limit/window";

const MIN = 60_000;
const policy = { limit: 3, windowMs: 10 * MIN };

describe("sliding window", () => {
  it("allows until the limit, then blocks until the oldest event leaves the window", () => {
    const t0 = 1_000_000_000;
    expect(evaluateWindow([], t0, policy)).toEqual({ count: 0, allowed: true, retryAfterSeconds: 0 });
    expect(evaluateWindow([t0, t0 + MIN], t0 + 2 * MIN, policy).allowed).toBe(true);
    const full = [t0, t0 + MIN, t0 + 2 * MIN];
    expect(evaluateWindow(full, t0 + 3 * MIN, policy)).toEqual({ count: 3, allowed: false, retryAfterSeconds: 7 * 60 });
    expect(evaluateWindow(full, t0 + 10 * MIN - 1, policy).allowed).toBe(false);
    expect(evaluateWindow(full, t0 + 10 * MIN, policy)).toMatchObject({ count: 2, allowed: true });
  });

  it("over the limit, waits for enough old events to leave", () => {
    const t0 = 5_000_000;
    const events = [t0, t0 + MIN, t0 + 2 * MIN, t0 + 3 * MIN, t0 + 4 * MIN];
    // 5 events, limit 3: the third-oldest must leave, at t0 + 2 min + 10 min.
    expect(evaluateWindow(events, t0 + 5 * MIN, policy).retryAfterSeconds).toBe(7 * 60);
  });

  it("ignores events from the future (clock skew) and in any order", () => {
    const now = 10 * MIN;
    expect(evaluateWindow([now + MIN, now - MIN, now - 2 * MIN], now, policy).count).toBe(2);
  });

  it("keeps the per-account sign-in limit within ASVS 2.2.1 (≤100 failures an hour)", () => {
    const perHour = POLICIES.loginPerAccount.limit * (60 * MIN / POLICIES.loginPerAccount.windowMs);
    expect(perHour).toBeLessThanOrEqual(100);
    expect(POLICIES.resetPerAddress).toEqual({ limit: 5, windowMs: 60 * MIN });
  });
});
