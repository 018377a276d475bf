import type { Readable } from "node:stream";

/**
 * Where job files live: a local directory (the embedded default) or an S3-compatible bucket.
 * Streams and keys only — no local paths — so every caller works on both. Keys are made by the
 * server (lib/jobs/job-files.ts), never taken from user input, so an implementation only has to
 * refuse keys outside its own namespace.
 */
export interface Storage {
  readonly kind: "local" | "s3";
  /**
   * Stores a stream (or bytes) under `key`, replacing what was there. Nothing is visible under
   * the key until the whole body is stored: a reader sees the old object, or the complete new one.
   * Returns the number of bytes stored.
   */
  put(key: string, body: Readable | Uint8Array | string): Promise<number>;
  /** Streams an object, or the inclusive byte range [start, end] of it; ObjectNotFoundError if missing. */
  get(key: string, range?: { start: number; end?: number }): Promise<Readable>;
  /** A whole (small) object in memory: manifests, result files for the job page. */
  getBuffer(key: string): Promise<Buffer>;
  /** Size and modification time, or null when there is no such object. */
  head(key: string): Promise<StoredObject | null>;
  /** Copies an object to a new key (server-side where the store can). */
  copy(fromKey: string, toKey: string): Promise<void>;
  /** Removes one object; a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Removes every object under a prefix ending in "/" ("results/<id>/"). */
  deletePrefix(prefix: string): Promise<void>;
  /**
   * One page of the objects under a prefix, in key order, starting after the key `after`.
   * `next` is the key to pass as `after` for the following page, or null at the end.
   */
  list(prefix: string, opts?: { after?: string; limit?: number }): Promise<ListPage>;
  /**
   * Runs `fn` with a local file holding the object (for the engine, which reads files): the file
   * itself for local storage, a temporary download for an object store, removed afterwards.
   */
  withLocalCopy<T>(key: string, fn: (path: string) => Promise<T>): Promise<T>;
  /**
   * A pre-signed POST that lets a browser upload one object straight to the store, or null where
   * the store has no such thing (local storage: uploads go through the app).
   */
  presignPost(key: string, opts: { maxBytes: number; expiresSeconds: number }): Promise<PresignedPost | null>;
  /** The origin browsers upload to directly (for the pages' CSP connect-src), or null. */
  uploadOrigin(): string | null;
}

export interface StoredObject {
  key: string;
  size: number;
  modifiedAt: Date;
}

export interface ListPage {
  objects: StoredObject[];
  next: string | null;
}

export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object ${key}`);
    this.name = "ObjectNotFoundError";
  }
}

const KEY = /^[a-z]+(\/[A-Za-z0-9][A-Za-z0-9._-]*)+\/?$/;
const AREA = /^[a-z]+\/$/;

/** Keys are server-made; anything else (../, absolute paths, NUL) is a bug, not user input. */
export function assertValidKey(key: string): void {
  if (!KEY.test(key) || key.includes("..")) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

/** A list prefix: a valid key ending in "/", or a whole area such as "inputs/". */
export function assertValidPrefix(prefix: string): void {
  if (AREA.test(prefix)) return;
  assertValidKey(prefix);
  if (!prefix.endsWith("/")) throw new Error(`A prefix ends with "/": ${JSON.stringify(prefix)}`);
}

/** Every object under a prefix (a job's own folder: a handful of files). */
export async function listAll(storage: Storage, prefix: string): Promise<StoredObject[]> {
  const out: StoredObject[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await storage.list(prefix, { after, limit: 1000 });
    out.push(...page.objects);
    if (!page.next) return out;
    after = page.next;
  }
}
