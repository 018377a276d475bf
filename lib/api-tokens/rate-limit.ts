import { LRUCache } from "lru-cache";
import { rateLimitedError } from "@/lib/rate-limit/store";
import { evaluateWindow, type WindowPolicy } from "@/lib/rate-limit/window";

/** 10 requests a second on average: polling every 2 s plus bursts of downloads fit easily. */
export const TOKEN_POLICY: WindowPolicy = { limit: 600, windowMs: 60_000 };

/**
 * Per-token sliding window, kept in memory rather than in rate_limit_events: a database row per
 * request would put a write on every poll, and SQLite has a single writer. The cost is that each
 * process counts on its own (N web processes allow N × the limit), which is acceptable for a
 * fairness limit; the brute-force limits that must hold globally stay in the database.
 */
const g = globalThis as unknown as { amrTokenWindows?: LRUCache<string, number[]> };
const windows = () => (g.amrTokenWindows ??= new LRUCache<string, number[]>({ max: 10_000 }));

/** Counts one request for `tokenId`, or throws 429 with Retry-After once the window is full. */
export function consumeTokenRequest(tokenId: string, nowMs: number, policy: WindowPolicy = TOKEN_POLICY): void {
  const kept = (windows().get(tokenId) ?? []).filter((t) => t > nowMs - policy.windowMs);
  const decision = evaluateWindow(kept, nowMs, policy);
  if (!decision.allowed) {
    windows().set(tokenId, kept);
    throw rateLimitedError(decision, "Too many requests with this API token. Slow down and retry after the given delay.");
  }
  kept.push(nowMs);
  windows().set(tokenId, kept);
}

export function resetTokenWindows(): void {
  windows().clear();
}
