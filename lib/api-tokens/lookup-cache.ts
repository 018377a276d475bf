import { LRUCache } from "lru-cache";

/** The columns a request needs to accept a token. */
export interface TokenRecord {
  id: string;
  userId: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/**
 * Per-process memo of token lookups by hash, like auth-state-cache: a polling script sends the
 * same token every few seconds. Revocation in this process deletes the entry at once; elsewhere
 * (another process, a manual UPDATE) it applies within `ttlMs`. Unknown tokens are not cached,
 * so guesses cannot fill the cache.
 */
interface Entry {
  record: TokenRecord;
  loadedAt: number;
}

const g = globalThis as unknown as { amrTokenLookupCache?: LRUCache<string, Entry> };
const cache = () => (g.amrTokenLookupCache ??= new LRUCache<string, Entry>({ max: 10_000 }));

export async function cachedTokenLookup(
  hash: string,
  load: (hash: string) => Promise<TokenRecord | null>,
  opts: { ttlMs: number; now: number },
): Promise<TokenRecord | null> {
  if (opts.ttlMs > 0) {
    const hit = cache().get(hash);
    if (hit && opts.now - hit.loadedAt < opts.ttlMs && opts.now >= hit.loadedAt) return hit.record;
  }
  const record = await load(hash);
  if (record && opts.ttlMs > 0) cache().set(hash, { record, loadedAt: opts.now });
  else cache().delete(hash);
  return record;
}

/** Keeps a cached record's last use current after this process wrote it. */
export function noteTokenUse(hash: string, at: Date): void {
  const hit = cache().get(hash);
  if (hit) hit.record.lastUsedAt = at;
}

export function invalidateTokenLookup(hash: string): void {
  cache().delete(hash);
}

export function clearTokenLookupCache(): void {
  cache().clear();
}
