import { LRUCache } from "lru-cache";

interface Entry<V> {
  value: V;
  loadedAt: number;
}

/**
 * A bounded per-process memo whose entries are trusted for `ttlMs` after loading (never when the
 * clock went backwards). The auth row and API-token lookups of every authenticated request use
 * it: changes made in this process invalidate at once, changes made elsewhere apply within ttlMs.
 */
export class TtlMemo<V> {
  private readonly cache: LRUCache<string, Entry<V>>;

  constructor(
    max: number,
    /** Whether a loaded value may be kept (e.g. not "unknown token", so guesses cannot fill it). */
    private readonly keep: (value: V) => boolean = () => true,
  ) {
    this.cache = new LRUCache<string, Entry<V>>({ max });
  }

  async get(key: string, load: (key: string) => Promise<V>, opts: { ttlMs: number; now: number }): Promise<V> {
    if (opts.ttlMs > 0) {
      const hit = this.cache.get(key);
      if (hit && opts.now - hit.loadedAt < opts.ttlMs && opts.now >= hit.loadedAt) return hit.value;
    }
    const value = await load(key);
    if (opts.ttlMs > 0 && this.keep(value)) this.cache.set(key, { value, loadedAt: opts.now });
    else this.cache.delete(key);
    return value;
  }

  /** The cached value, to update in place after this process changed it. */
  peek(key: string): V | undefined {
    return this.cache.get(key)?.value;
  }

  invalidate(key: string): void {
    this.cache.delete(key);
  }

  clear(): void {
    this.cache.clear();
  }
}

/** One instance per name per process, surviving hot reloads and Next's many route bundles. */
export function sharedMemo<V>(name: string, create: () => TtlMemo<V>): TtlMemo<V> {
  const g = globalThis as unknown as { amrMemos?: Map<string, TtlMemo<unknown>> };
  g.amrMemos ??= new Map();
  if (!g.amrMemos.has(name)) g.amrMemos.set(name, create() as TtlMemo<unknown>);
  return g.amrMemos.get(name) as TtlMemo<V>;
}
