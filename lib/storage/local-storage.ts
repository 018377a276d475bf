import { randomUUID } from "node:crypto";
import type { Dirent } from "node:fs";
import { copyFile, mkdir, open, readdir, readFile, realpath, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { assertDeletablePrefix, assertObjectKey, checkLimit, checkRange } from "./checks";
import { assertValidPrefix, ObjectNotFoundError, type ListPage, type Storage, type StoredObject } from "./storage";

/**
 * Storage in one local directory: keys are paths below the root, `<root>/tmp` holds writes in
 * flight (same filesystem, so a rename publishes them atomically).
 */
export class LocalStorage implements Storage {
  readonly kind = "local";
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, body: Readable | Uint8Array | string): Promise<number> {
    const dest = this.objectPath(key);
    return this.publish(dest, async (tmp) => {
      // Our own handle instead of a write stream: when the body fails nothing is left writing
      // (or lazily opening) the temp file once we remove it.
      const fh = await open(tmp, "wx", 0o640);
      try {
        await writeFile(fh, body);
        await fh.sync();
        return (await fh.stat()).size;
      } finally {
        await fh.close();
      }
    });
  }

  async get(key: string, range?: { start: number; end?: number }): Promise<Readable> {
    checkRange(range);
    const file = this.objectPath(key);
    // Opening first makes a missing object a rejection of this call rather than a later stream
    // error, and the stream keeps reading this version even if the key is replaced meanwhile.
    const fh = await open(file, "r").catch((err) => rethrowMissing(err, key));
    try {
      if (!(await fh.stat()).isFile()) throw new ObjectNotFoundError(key);
    } catch (err) {
      await fh.close();
      throw err;
    }
    return fh.createReadStream({ start: range?.start, end: range?.end });
  }

  async getBuffer(key: string): Promise<Buffer> {
    return readFile(this.objectPath(key)).catch((err) => rethrowMissing(err, key));
  }

  async head(key: string): Promise<StoredObject | null> {
    const file = this.objectPath(key);
    try {
      const st = await stat(file);
      return st.isFile() ? { key, size: st.size, modifiedAt: st.mtime } : null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async copy(fromKey: string, toKey: string): Promise<void> {
    const from = this.objectPath(fromKey);
    const dest = this.objectPath(toKey);
    await this.publish(dest, async (tmp) => {
      await copyFile(from, tmp).catch((err) => rethrowMissing(err, fromKey));
      const fh = await open(tmp, "r");
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
    });
  }

  async delete(key: string): Promise<void> {
    // unlink never removes a folder: like an object store, a folder's name is no object to delete.
    await unlink(this.objectPath(key)).catch((err) => {
      if (!isMissing(err) && (err as NodeJS.ErrnoException).code !== "EISDIR") throw err;
    });
  }

  async deletePrefix(prefix: string): Promise<void> {
    assertDeletablePrefix(prefix);
    await rm(this.resolveInside(prefix), { recursive: true, force: true });
  }

  async list(prefix: string, opts: { after?: string; limit?: number } = {}): Promise<ListPage> {
    assertValidPrefix(prefix);
    const limit = checkLimit(opts.limit);
    const after = opts.after ?? "";
    const found: StoredObject[] = [];
    // One more than asked tells whether another page exists.
    const want = limit + 1;

    const walk = async (dirKey: string): Promise<void> => {
      let entries: Dirent[];
      try {
        entries = await readdir(path.join(this.root, dirKey), { withFileTypes: true });
      } catch (err) {
        if (isMissing(err)) return;
        throw err;
      }
      // Sorting "name/" for folders yields the byte order of whole keys, as an object store lists them.
      const named = entries
        .filter((e) => e.isFile() || e.isDirectory())
        .map((e) => ({ e, sortName: e.isDirectory() ? `${e.name}/` : e.name }))
        .sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0));
      for (const { e, sortName } of named) {
        if (found.length >= want) return;
        const key = dirKey + sortName;
        if (e.isDirectory()) {
          // Every key in this folder starts with `key`; skip it when all of them sort before `after`.
          if (key < after && !after.startsWith(key)) continue;
          await walk(key);
        } else if (key > after) {
          const st = await stat(path.join(this.root, key)).catch((err) => (isMissing(err) ? null : Promise.reject(err)));
          if (st) found.push({ key, size: st.size, modifiedAt: st.mtime });
        }
      }
    };
    await walk(prefix);
    const objects = found.slice(0, limit);
    return { objects, next: found.length > limit ? objects[objects.length - 1].key : null };
  }

  async withLocalCopy<T>(key: string, fn: (path: string) => Promise<T>): Promise<T> {
    const file = this.objectPath(key);
    if (!(await this.head(key))) throw new ObjectNotFoundError(key);
    return fn(file);
  }

  /** Uploads to local storage always pass through the app, which streams them into put(). */
  async presignPost(key: string, _opts: { maxBytes: number; expiresSeconds: number }): Promise<null> {
    this.objectPath(key);
    return null;
  }

  uploadOrigin(): null {
    return null;
  }

  private objectPath(key: string): string {
    assertObjectKey(key);
    return this.resolveInside(key);
  }

  private resolveInside(key: string): string {
    const full = path.resolve(this.root, key);
    // Belt and braces behind the key pattern: nothing may resolve outside the root.
    if (!full.startsWith(this.root + path.sep)) throw new Error(`Key escapes storage: ${key}`);
    return full;
  }

  /** Writes a temp file with `fill`, then renames it over `dest`; a failure leaves neither behind. */
  private async publish<T>(dest: string, fill: (tmp: string) => Promise<T>): Promise<T> {
    const tmpDir = path.join(this.root, "tmp");
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    try {
      const result = await fill(tmp);
      await mkdir(path.dirname(dest), { recursive: true });
      await this.assertInside(path.dirname(dest));
      await rename(tmp, dest);
      return result;
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  /** A symlink planted inside the storage tree must not redirect writes elsewhere. */
  private async assertInside(dir: string): Promise<void> {
    const real = await realpath(dir);
    const root = await realpath(this.root);
    if (!real.startsWith(root + path.sep)) throw new Error("Stored file would resolve outside storage");
  }
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  // ENOTDIR: a path component is a file, so the object cannot exist either.
  return code === "ENOENT" || code === "ENOTDIR";
}

function rethrowMissing(err: unknown, key: string): never {
  if (isMissing(err) || (err as NodeJS.ErrnoException).code === "EISDIR") throw new ObjectNotFoundError(key);
  throw err;
}
