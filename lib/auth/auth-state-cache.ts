import { LRUCache } from "lru-cache";
import type { AuthState } from "./auth-state";

/**
 * Per-process memo of the per-request auth lookup. The status poll is the hottest path (every
 * open dashboard, every 2 s), and the row behind a session rarely changes; caching it for
 * `ttlMs` removes most of a poll's database work. Changes made in this process invalidate the
 * entry at once; changes made elsewhere (another worker process, a manual UPDATE) take effect
 * within `ttlMs` — the documented revocation delay.
 */
interface Entry {
  state: AuthState | null;
  loadedAt: number;
}

const g = globalThis as unknown as { amrAuthStateCache?: LRUCache<string, Entry> };
const cache = () => (g.amrAuthStateCache ??= new LRUCache<string, Entry>({ max: 20_000 }));

export async function cachedAuthState(
  userId: string,
  load: (userId: string) => Promise<AuthState | null>,
  opts: { ttlMs: number; now?: number },
): Promise<AuthState | null> {
  const now = opts.now ?? Date.now();
  if (opts.ttlMs > 0) {
    const hit = cache().get(userId);
    if (hit && now - hit.loadedAt < opts.ttlMs && now >= hit.loadedAt) return hit.state;
  }
  const state = await load(userId);
  if (opts.ttlMs > 0) cache().set(userId, { state, loadedAt: now });
  return state;
}

/** Call after changing a user's role, session version or disabled state. */
export function invalidateAuthState(userId: string): void {
  cache().delete(userId);
}

export function clearAuthStateCache(): void {
  cache().clear();
}
