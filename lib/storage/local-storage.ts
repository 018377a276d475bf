import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, open, readdir, readFile, realpath, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { assertValidKey, type Storage, type TempFile } from "./storage";

const AREA = /^[a-z]+\/$/;

/** Storage in one local directory: `<root>/tmp` for uploads in flight, keys below the root. */
export class LocalStorage implements Storage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  localPath(key: string): string {
    assertValidKey(key);
    const full = path.resolve(this.root, key);
    // Belt and braces: a key can never resolve outside the root.
    if (full !== this.root && !full.startsWith(this.root + path.sep)) throw new Error(`Key escapes storage: ${key}`);
    return full;
  }

  async createTemp(): Promise<TempFile> {
    const dir = path.join(this.root, "tmp");
    await mkdir(dir, { recursive: true });
    const tmp = path.join(dir, `${randomUUID()}.part`);
    return {
      path: tmp,
      commit: async (key: string) => {
        const dest = this.localPath(key);
        await mkdir(path.dirname(dest), { recursive: true });
        await fsyncFile(tmp);
        await rename(tmp, dest);
        await this.assertInside(dest);
      },
      discard: () => rm(tmp, { force: true }),
    };
  }

  async writeFile(key: string, data: string | Uint8Array): Promise<void> {
    const tmp = await this.createTemp();
    try {
      const fh = await open(tmp.path, "w", 0o640);
      try {
        await fh.writeFile(data);
      } finally {
        await fh.close();
      }
      await tmp.commit(key);
    } catch (err) {
      await tmp.discard();
      throw err;
    }
  }

  async copy(fromKey: string, toKey: string): Promise<void> {
    const tmp = await this.createTemp();
    try {
      await copyFile(this.localPath(fromKey), tmp.path);
      await tmp.commit(toKey);
    } catch (err) {
      await tmp.discard();
      throw err;
    }
  }

  read(key: string) {
    return createReadStream(this.localPath(key));
  }

  readBuffer(key: string): Promise<Buffer> {
    return readFile(this.localPath(key));
  }

  async exists(key: string): Promise<boolean> {
    return (await this.size(key)) !== null;
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await stat(this.localPath(key))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.localPath(key), { recursive: true, force: true });
  }

  async list(prefix: string): Promise<{ key: string; modifiedAt: Date }[]> {
    // A whole area ("inputs/") may be listed (the reconciler does) but is not a valid key, so
    // delete() can never be pointed at one.
    const base = AREA.test(prefix) ? path.join(this.root, prefix) : this.localPath(prefix);
    const out: { key: string; modifiedAt: Date }[] = [];
    const walk = async (dir: string) => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
        throw err;
      }
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) await walk(full);
        else if (e.isFile()) out.push({ key: path.relative(this.root, full), modifiedAt: (await stat(full)).mtime });
      }
    };
    await walk(base);
    return out;
  }

  /** A symlink planted inside the storage tree must not redirect writes elsewhere. */
  private async assertInside(file: string): Promise<void> {
    const real = await realpath(file);
    const root = await realpath(this.root);
    if (!real.startsWith(root + path.sep)) throw new Error("Stored file resolved outside storage");
  }
}

async function fsyncFile(file: string): Promise<void> {
  const fh = await open(file, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
