import { sharedMemo, TtlMemo } from "@/lib/cache/ttl-memo";

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
const memo = () => sharedMemo("api-token", () => new TtlMemo<TokenRecord | null>(10_000, (record) => record !== null));

export function cachedTokenLookup(
  hash: string,
  load: (hash: string) => Promise<TokenRecord | null>,
  opts: { ttlMs: number; now: number },
): Promise<TokenRecord | null> {
  return memo().get(hash, load, opts);
}

/** Keeps a cached record's last use current after this process wrote it. */
export function noteTokenUse(hash: string, at: Date): void {
  const record = memo().peek(hash);
  if (record) record.lastUsedAt = at;
}

export function invalidateTokenLookup(hash: string): void {
  memo().invalidate(hash);
}

export function clearTokenLookupCache(): void {
  memo().clear();
}
