import { assertValidKey, assertValidPrefix } from "./storage";

/**
 * Argument checks both implementations share, so a caller's mistake fails the same way (and
 * before any I/O) on either store.
 */

/** A key that can name an object: a key ending in "/" names a folder. */
export function assertObjectKey(key: string): void {
  assertValidKey(key);
  if (key.endsWith("/")) throw new Error(`Not an object key (ends with "/"): ${JSON.stringify(key)}`);
}

/** deletePrefix takes one folder ("results/<id>/"); wiping a whole area is never what a caller means. */
export function assertDeletablePrefix(prefix: string): void {
  assertValidPrefix(prefix);
  if (!prefix.includes("/") || prefix.indexOf("/") === prefix.length - 1) {
    throw new Error(`deletePrefix takes a folder such as "results/<id>/", not a whole area: ${JSON.stringify(prefix)}`);
  }
}

export function checkRange(range: { start: number; end?: number } | undefined): void {
  if (!range) return;
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0 || (end !== undefined && (!Number.isSafeInteger(end) || end < start))) {
    throw new RangeError(`Invalid byte range ${JSON.stringify(range)}`);
  }
}

/** Page size of list(); 1000 is also the most one S3 ListObjectsV2 call returns. */
export function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return 1000;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`Invalid list limit ${limit}`);
  return limit;
}
