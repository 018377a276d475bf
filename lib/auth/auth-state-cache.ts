import { sharedMemo, TtlMemo } from "@/lib/cache/ttl-memo";
import type { AuthState } from "./auth-state";

/**
 * Per-process memo of the per-request auth lookup. The status poll is the hottest path (every
 * open dashboard, every 2 s), and the row behind a session rarely changes; caching it for
 * `ttlMs` removes most of a poll's database work. Changes made in this process invalidate the
 * entry at once; changes made elsewhere (another worker process, a manual UPDATE) take effect
 * within `ttlMs` — the documented revocation delay. "No such user" is cached too, so a deleted
 * account's cookie does not cause a query storm.
 */
const memo = () => sharedMemo("auth-state", () => new TtlMemo<AuthState | null>(20_000));

export function cachedAuthState(
  userId: string,
  load: (userId: string) => Promise<AuthState | null>,
  opts: { ttlMs: number; now?: number },
): Promise<AuthState | null> {
  return memo().get(userId, load, { ttlMs: opts.ttlMs, now: opts.now ?? Date.now() });
}

/** Call after changing a user's role, session version or disabled state. */
export function invalidateAuthState(userId: string): void {
  memo().invalidate(userId);
}

export function clearAuthStateCache(): void {
  memo().clear();
}
