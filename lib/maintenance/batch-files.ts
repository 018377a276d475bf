/** Parallel file operations per batch: enough to hide filesystem latency, few enough not to flood it. */
export const FILE_CONCURRENCY = 16;

/** Runs `fn` over items with at most `limit` in flight: file deletes are I/O-bound and independent. */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
