import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalStorage } from "@/lib/storage/local-storage";
import type { S3Storage } from "@/lib/storage/s3-storage";
import { listAll, ObjectNotFoundError, type Storage } from "@/lib/storage/storage";
import { startS3Server, type S3TestServer } from "../helpers/s3-server";

/**
 * The Storage contract, run against both implementations: callers (jobs, maintenance, routes)
 * are written once against it, so the local directory and an S3 bucket must behave alike.
 */

const MiB = 1024 * 1024;

interface Harness {
  storage: Storage;
  /** A second storage over the same kind of store that records whether it did any I/O. */
  spy(): { storage: Storage; touched(): Promise<boolean> };
  /** Leftovers of failed writes that the store keeps somewhere visible (local: files in tmp/). */
  strayTemps(): Promise<string[]>;
  /** Whether withLocalCopy hands out a temporary download (removed afterwards) or the stored file itself. */
  copyIsTemporary: boolean;
}

function contract(name: string, setup: () => Promise<{ harness: Harness; teardown: () => Promise<void> }>) {
  describe(`Storage contract: ${name}`, () => {
    let h: Harness;
    let teardown: () => Promise<void>;
    let storage: Storage;
    beforeAll(async () => {
      ({ harness: h, teardown } = await setup());
      storage = h.storage;
    });
    afterAll(() => teardown?.());

    /** A folder of its own per test, so tests never see each other's objects. */
    const folder = () => `results/${randomUUID()}/`;

    it("round-trips a stream and reports its size", async () => {
      const chunks = [randomBytes(1000), randomBytes(70_000), randomBytes(5)];
      const key = `${folder()}report.json`;
      expect(await storage.put(key, Readable.from(chunks))).toBe(71_005);
      expect(sha256(await readAll(await storage.get(key)))).toBe(sha256(Buffer.concat(chunks)));
      expect((await storage.head(key))?.size).toBe(71_005);
    });

    it("round-trips bytes and strings, counting bytes not characters", async () => {
      const dir = folder();
      const bytes = new Uint8Array([0, 1, 2, 255]);
      expect(await storage.put(`${dir}a.bin`, bytes)).toBe(4);
      expect(await storage.getBuffer(`${dir}a.bin`)).toEqual(Buffer.from(bytes));
      expect(await storage.put(`${dir}b.txt`, "Größe ✓")).toBe(Buffer.byteLength("Größe ✓"));
      expect((await storage.getBuffer(`${dir}b.txt`)).toString("utf8")).toBe("Größe ✓");
      expect(await storage.put(`${dir}empty`, "")).toBe(0);
      expect((await storage.head(`${dir}empty`))?.size).toBe(0);
    });

    it("streams 20 MB in and out intact", async () => {
      const size = 20 * MiB + 12_345;
      const sent = createHash("sha256");
      async function* body() {
        for (let left = size; left > 0; left -= 64 * 1024) {
          const chunk = randomBytes(Math.min(64 * 1024, left));
          sent.update(chunk);
          yield chunk;
        }
      }
      const key = `inputs/${randomUUID()}.fa`;
      expect(await storage.put(key, Readable.from(body()))).toBe(size);
      expect((await storage.head(key))?.size).toBe(size);
      const received = createHash("sha256");
      for await (const chunk of await storage.get(key)) received.update(chunk as Buffer);
      expect(received.digest("hex")).toBe(sent.digest("hex"));
      await storage.delete(key);
    });

    it("reads inclusive byte ranges", async () => {
      const key = `${folder()}digits.txt`;
      await storage.put(key, "0123456789");
      const range = async (start: number, end?: number) => (await readAll(await storage.get(key, { start, end }))).toString();
      expect(await range(2, 5)).toBe("2345");
      expect(await range(7)).toBe("789");
      expect(await range(0, 1)).toBe("01");
      expect(await range(3, 3)).toBe("3");
      expect(await range(8, 100)).toBe("89");
      await expect(storage.get(key, { start: 5, end: 2 })).rejects.toThrow(RangeError);
      await expect(storage.get(key, { start: -1 })).rejects.toThrow(RangeError);
    });

    it("answers head with size and date, null when missing, and for a folder's name", async () => {
      const dir = folder();
      await storage.put(`${dir}sub/x.txt`, "abc");
      const head = await storage.head(`${dir}sub/x.txt`);
      expect(head).toMatchObject({ key: `${dir}sub/x.txt`, size: 3 });
      expect(head!.modifiedAt).toBeInstanceOf(Date);
      expect(Number.isNaN(head!.modifiedAt.getTime())).toBe(false);
      expect(await storage.head(`${dir}missing.txt`)).toBeNull();
      expect(await storage.head(`${dir}sub`)).toBeNull();
    });

    it("rejects reads of a missing object with ObjectNotFoundError", async () => {
      const dir = folder();
      await storage.put(`${dir}sub/x.txt`, "abc");
      for (const key of [`${dir}missing.txt`, `${dir}sub`]) {
        await expect(storage.get(key)).rejects.toThrow(ObjectNotFoundError);
        await expect(storage.get(key, { start: 1 })).rejects.toThrow(ObjectNotFoundError);
        await expect(storage.getBuffer(key)).rejects.toThrow(ObjectNotFoundError);
        await expect(storage.withLocalCopy(key, async () => "ran")).rejects.toThrow(ObjectNotFoundError);
        await expect(storage.copy(key, `${dir}copy.txt`)).rejects.toMatchObject({ name: "ObjectNotFoundError", key });
      }
      expect(await storage.head(`${dir}copy.txt`)).toBeNull();
    });

    it("replaces an object on overwrite", async () => {
      const key = `${folder()}manifest.json`;
      await storage.put(key, "first version, longer");
      await storage.put(key, Readable.from([Buffer.from("second")]));
      expect((await storage.getBuffer(key)).toString()).toBe("second");
      expect((await storage.head(key))?.size).toBe(6);
    });

    it("copies an object independently of its source", async () => {
      const dir = folder();
      await storage.put(`${dir}a.txt`, "original");
      // Into a folder that does not exist yet, as archiving does.
      const to = `archive/${randomUUID()}/nested/a.txt`;
      await storage.copy(`${dir}a.txt`, to);
      await storage.put(`${dir}a.txt`, "changed");
      expect((await storage.getBuffer(to)).toString()).toBe("original");
      expect((await storage.getBuffer(`${dir}a.txt`)).toString()).toBe("changed");
    });

    it("deletes one object; a missing one or a folder's name is no error and removes nothing else", async () => {
      const dir = folder();
      await storage.put(`${dir}a.txt`, "a");
      await storage.put(`${dir}sub/b.txt`, "b");
      await storage.delete(`${dir}a.txt`);
      expect(await storage.head(`${dir}a.txt`)).toBeNull();
      await storage.delete(`${dir}a.txt`);
      await storage.delete(`${dir}sub`);
      expect((await storage.getBuffer(`${dir}sub/b.txt`)).toString()).toBe("b");
      await expect(storage.delete(`${dir}sub/`)).rejects.toThrow(/Not an object key/);
    });

    it("deletes a prefix and nothing beside it", async () => {
      const id = randomUUID();
      const keep = [`results/${id}x/a.txt`, `results/${id}-other/a.txt`, `inputs/${id}.fa`];
      await storage.put(`results/${id}/a.txt`, "a");
      await storage.put(`results/${id}/lease/b.txt`, "b");
      await storage.put(`results/${id}/lease/deeper/c.txt`, "c");
      for (const k of keep) await storage.put(k, "keep");
      await storage.deletePrefix(`results/${id}/lease/`);
      expect(keysOf(await listAll(storage, `results/${id}/`))).toEqual([`results/${id}/a.txt`]);
      await storage.deletePrefix(`results/${id}/`);
      expect(await listAll(storage, `results/${id}/`)).toEqual([]);
      for (const k of keep) expect(await storage.head(k)).not.toBeNull();
      await storage.deletePrefix(`results/${id}/`);
      await expect(storage.deletePrefix(`results/${id}`)).rejects.toThrow(/ends with "\/"/);
      await expect(storage.deletePrefix("results/")).rejects.toThrow(/not a whole area/);
    });

    it("lists in key order, page by page, after any key", async () => {
      const dir = folder();
      // Folder names are no prefix of a sibling's name here: s3rver, unlike S3, lists a folder
      // before "a-c" or "a.z" (LocalStorage specifics check that case against S3's order).
      const names = ["a/b", "a/c/d", "ab", "B", "b.txt", "0", "c-d", "c.e", "zz/top"];
      for (let i = 1; i <= 20; i++) names.push(`f${String(i).padStart(2, "0")}`);
      const keys = names.map((n) => dir + n);
      // Stored out of order, so the listing cannot just replay insertion order.
      for (const k of [...keys].reverse()) await storage.put(k, k);
      const expected = [...keys].sort();

      const pages: string[][] = [];
      let after: string | undefined;
      do {
        const page = await storage.list(dir, { after, limit: 10 });
        expect(page.objects.length).toBeLessThanOrEqual(10);
        pages.push(keysOf(page.objects));
        after = page.next ?? undefined;
      } while (after);
      expect(pages.map((p) => p.length)).toEqual([10, 10, 9]);
      expect(pages.flat()).toEqual(expected);

      const one = (await storage.list(dir, { limit: 1000 })).objects.find((o) => o.key === `${dir}b.txt`);
      expect(one).toMatchObject({ size: `${dir}b.txt`.length });
      expect(keysOf((await storage.list(dir, { after: `${dir}a/b`, limit: 2 })).objects)).toEqual([`${dir}a/c/d`, `${dir}ab`]);
      // `after` need not be a stored key.
      expect(keysOf((await storage.list(dir, { after: `${dir}f19x`, limit: 10 })).objects)).toEqual([`${dir}f20`, `${dir}zz/top`]);
      expect(await storage.list(dir, { after: `${dir}zz/top` })).toEqual({ objects: [], next: null });
      expect((await storage.list(dir, { limit: expected.length })).next).toBeNull();
      await expect(storage.list(dir, { limit: 0 })).rejects.toThrow(RangeError);
    });

    it("keeps prefixes apart and lists whole areas", async () => {
      const id = randomUUID();
      await storage.put(`results/${id}a/x.txt`, "x");
      await storage.put(`results/${id}ab/y.txt`, "y");
      await storage.put(`inputs/${id}.fa`, ">s\nACGT\n");
      expect(keysOf(await listAll(storage, `results/${id}a/`))).toEqual([`results/${id}a/x.txt`]);
      expect(keysOf(await listAll(storage, `results/${id}ab/`))).toEqual([`results/${id}ab/y.txt`]);
      expect(await listAll(storage, `results/${id}/`)).toEqual([]);
      const inputs = keysOf(await listAll(storage, "inputs/"));
      expect(inputs).toContain(`inputs/${id}.fa`);
      expect(inputs.every((k) => k.startsWith("inputs/"))).toBe(true);
      await expect(storage.list(`results/${id}a`)).rejects.toThrow(/ends with "\/"/);
    });

    it("lends a local file holding the object, and propagates fn's error", async () => {
      const key = `inputs/${randomUUID()}.fa.gz`;
      const bytes = randomBytes(300_000);
      await storage.put(key, bytes);
      let lent = "";
      const out = await storage.withLocalCopy(key, async (file) => {
        lent = file;
        expect(file.endsWith(".fa.gz")).toBe(true);
        return readFile(file);
      });
      expect(sha256(out)).toBe(sha256(bytes));
      expect(existsSync(lent)).toBe(!h.copyIsTemporary);

      const failure = new Error("engine crashed");
      await expect(
        storage.withLocalCopy(key, async (file) => {
          lent = file;
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(existsSync(lent)).toBe(!h.copyIsTemporary);
      expect(sha256(await storage.getBuffer(key))).toBe(sha256(bytes));
    });

    it("refuses invalid keys before touching the store", async () => {
      const { storage: s, touched } = h.spy();
      const fine = "results/abc/x.txt";
      for (const bad of ["../x", "/abs", "inputs/../../etc", "inputs/x\0y", "Inputs/x", "inputs/.hidden"]) {
        const invalid = /Invalid storage key/;
        await expect(s.put(bad, "x")).rejects.toThrow(invalid);
        await expect(s.get(bad)).rejects.toThrow(invalid);
        await expect(s.getBuffer(bad)).rejects.toThrow(invalid);
        await expect(s.head(bad)).rejects.toThrow(invalid);
        await expect(s.copy(bad, fine)).rejects.toThrow(invalid);
        await expect(s.copy(fine, bad)).rejects.toThrow(invalid);
        await expect(s.delete(bad)).rejects.toThrow(invalid);
        await expect(s.deletePrefix(`${bad}/`)).rejects.toThrow(invalid);
        await expect(s.list(`${bad}/`)).rejects.toThrow(invalid);
        await expect(s.withLocalCopy(bad, async () => "ran")).rejects.toThrow(invalid);
        await expect(s.presignPost(bad, { maxBytes: 10, expiresSeconds: 60 })).rejects.toThrow(invalid);
      }
      expect(await touched()).toBe(false);
    });

    it.each([
      ["before the first part", 100_000],
      ["after the first part", 9 * MiB],
    ])("leaves nothing behind when the body fails %s", async (_when, failAfter) => {
      const key = `${folder()}result.json`;
      await expect(storage.put(key, failingBody(failAfter))).rejects.toThrow(/client went away/);
      expect(await storage.head(key)).toBeNull();

      await storage.put(key, "previous");
      await expect(storage.put(key, failingBody(failAfter))).rejects.toThrow(/client went away/);
      expect((await storage.getBuffer(key)).toString()).toBe("previous");
      expect(await h.strayTemps()).toEqual([]);
    });
  });
}

contract("local directory", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "amr-storage-contract-"));
  const storage = new LocalStorage(path.join(dir, "store"));
  const harness: Harness = {
    storage,
    spy: () => {
      const root = path.join(dir, `never-${randomUUID()}`);
      return { storage: new LocalStorage(root), touched: async () => existsSync(root) };
    },
    strayTemps: async () => readdir(path.join(storage.root, "tmp")).catch(() => []),
    copyIsTemporary: false,
  };
  return { harness, teardown: () => rm(dir, { recursive: true, force: true }) };
});

let server: S3TestServer | undefined;
async function s3(): Promise<S3TestServer> {
  server ??= await startS3Server();
  return server;
}
afterAll(async () => {
  await server?.stop();
});

contract("S3 bucket", async () => {
  const s = await s3();
  const harness: Harness = {
    // A key prefix exercises the mapping of keys to object names and back.
    storage: s.storage("amr/"),
    spy: () => {
      const storage = s.storage("spy/");
      let requests = 0;
      storage.client.middlewareStack.add(
        (next) => async (args) => {
          requests++;
          return next(args);
        },
        { step: "initialize" },
      );
      return { storage, touched: async () => requests > 0 };
    },
    // Aborted multipart uploads are the store's business; an unfinished one is never an object.
    strayTemps: async () => [],
    copyIsTemporary: true,
  };
  return { harness, teardown: async () => {} };
});

describe("LocalStorage specifics", () => {
  let dir: string;
  let storage: LocalStorage;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "amr-local-storage-"));
    storage = new LocalStorage(path.join(dir, "store"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("keeps files private to the owner and group", async () => {
    await storage.put("inputs/mode.fa", ">s\nACGT\n");
    expect((await stat(path.join(storage.root, "inputs/mode.fa"))).mode & 0o007).toBe(0);
  });

  it("lends the stored file itself", async () => {
    await storage.put("inputs/lent.fa", "ACGT");
    expect(await storage.withLocalCopy("inputs/lent.fa", async (file) => file)).toBe(path.join(storage.root, "inputs/lent.fa"));
  });

  it("lists tmp/ only when asked for it", async () => {
    await mkdir(path.join(storage.root, "tmp"), { recursive: true });
    await writeFile(path.join(storage.root, "tmp", "stale.part"), "half");
    await storage.put("inputs/listed.fa", "ACGT");
    expect(keysOf(await listAll(storage, "tmp/"))).toEqual(["tmp/stale.part"]);
    expect(keysOf(await listAll(storage, "inputs/"))).not.toContain("tmp/stale.part");
    await storage.delete("tmp/stale.part");
    expect(await listAll(storage, "tmp/")).toEqual([]);
  });

  it("does not follow a symlink planted in the tree out of the root", async () => {
    const outside = path.join(dir, "outside");
    await mkdir(outside);
    await mkdir(path.join(storage.root, "results"), { recursive: true });
    await symlink(outside, path.join(storage.root, "results", "evil"));
    await expect(storage.put("results/evil/x.txt", "x")).rejects.toThrow(/outside storage/);
    expect(await readdir(outside)).toEqual([]);
    expect(await readdir(path.join(storage.root, "tmp"))).toEqual([]);
  });

  it("orders a folder after siblings that extend its name, as S3 orders whole keys", async () => {
    const dir = "results/order/";
    for (const n of ["ab", "a/b", "a.z", "a-c", "a/c/d"]) await storage.put(dir + n, n);
    const expected = ["a-c", "a.z", "a/b", "a/c/d", "ab"].map((n) => dir + n);
    expect(keysOf(await listAll(storage, dir))).toEqual(expected);
    const oneByOne: string[] = [];
    let after: string | undefined;
    do {
      const page = await storage.list(dir, { after, limit: 1 });
      oneByOne.push(...keysOf(page.objects));
      after = page.next ?? undefined;
    } while (after);
    expect(oneByOne).toEqual(expected);
  });

  it("has no pre-signed uploads", async () => {
    expect(await storage.presignPost("uploads/u/x", { maxBytes: 10, expiresSeconds: 60 })).toBeNull();
    expect(storage.uploadOrigin()).toBeNull();
  });
});

describe("S3Storage specifics", () => {
  let s: S3TestServer;
  beforeAll(async () => {
    s = await s3();
  });

  it("stores keys under its prefix and lists them without it", async () => {
    const a = s.storage("deploy-a/");
    const b = s.storage("deploy-b/");
    await a.put("inputs/one.fa", "A");
    await b.put("inputs/two.fa", "B");
    expect(keysOf(await listAll(a, "inputs/"))).toEqual(["inputs/one.fa"]);
    expect(keysOf(await listAll(b, "inputs/"))).toEqual(["inputs/two.fa"]);
    const raw = await a.client.send(new ListObjectsV2Command({ Bucket: s.bucket, Prefix: "deploy-" }));
    expect(raw.Contents?.map((o) => o.Key).sort()).toEqual(["deploy-a/inputs/one.fa", "deploy-b/inputs/two.fa"]);
  });

  it("accepts a browser-style POST to a pre-signed form", async () => {
    const storage = s.storage("amr/");
    const key = `uploads/${randomUUID()}/genome.fa`;
    const before = Date.now();
    const post = await storage.presignPost(key, { maxBytes: 5 * MiB, expiresSeconds: 600 });
    expect(new URL(post.url).origin).toBe(storage.uploadOrigin());

    // s3rver does not enforce the policy, so check that it says what S3 would enforce.
    const policy = JSON.parse(Buffer.from(post.fields.Policy, "base64").toString()) as { expiration: string; conditions: unknown[] };
    expect(policy.conditions).toContainEqual(["content-length-range", 1, 5 * MiB]);
    expect(policy.conditions).toContainEqual({ key: `amr/${key}` });
    const expires = Date.parse(policy.expiration);
    expect(expires).toBeGreaterThan(before);
    expect(expires).toBeLessThanOrEqual(Date.now() + 600_000);

    const bytes = randomBytes(200_000);
    const form = new FormData();
    for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
    form.append("file", new Blob([bytes]), "genome.fa");
    const res = await fetch(post.url, { method: "POST", body: form });
    expect(res.status).toBe(204);
    expect((await storage.head(key))?.size).toBe(bytes.length);
    expect(sha256(await storage.getBuffer(key))).toBe(sha256(bytes));
  });

  it("deletes prefixes of more than one batch", async () => {
    const storage = s.storage("many/");
    const keys = Array.from({ length: 1003 }, (_, i) => `results/big/o${i}`);
    for (let i = 0; i < keys.length; i += 100) await Promise.all(keys.slice(i, i + 100).map((k) => storage.put(k, "x")));
    await storage.put("results/big-neighbour/keep", "x");
    expect(await listAll(storage, "results/big/")).toHaveLength(1003);
    await storage.deletePrefix("results/big/");
    expect(await listAll(storage, "results/big/")).toEqual([]);
    expect(await storage.head("results/big-neighbour/keep")).not.toBeNull();
  });

  it("falls back to single deletes where DeleteObjects is not implemented", async () => {
    const storage = s.storage("no-batch/");
    let batchCalls = 0;
    storage.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "DeleteObjectsCommand") {
          batchCalls++;
          throw Object.assign(new Error("A header you provided implies functionality that is not implemented"), {
            name: "NotImplemented",
            $metadata: { httpStatusCode: 501 },
          });
        }
        return next(args);
      },
      { step: "initialize" },
    );
    for (const id of ["j1", "j2"]) {
      await storage.put(`results/${id}/a`, "a");
      await storage.put(`results/${id}/b/c`, "c");
      await storage.deletePrefix(`results/${id}/`);
      expect(await listAll(storage, `results/${id}/`)).toEqual([]);
    }
    // Asked once: the answer is remembered rather than paid for on every purge.
    expect(batchCalls).toBe(1);
  });

  it("computes its upload origin the way the SDK addresses the bucket", async () => {
    const { S3Storage } = await import("@/lib/storage/s3-storage");
    const credentials = { accessKeyId: "x", secretAccessKey: "y" };
    const cases: [ConstructorParameters<typeof S3Storage>[0], string][] = [
      [{ bucket: "amr-data", prefix: "", region: "eu-west-1", credentials }, "https://amr-data.s3.eu-west-1.amazonaws.com"],
      [{ bucket: "amr.data", prefix: "", region: "eu-west-1", credentials }, "https://s3.eu-west-1.amazonaws.com"],
      [{ bucket: "amr-data", prefix: "", endpoint: "https://minio.example.org", credentials }, "https://amr-data.minio.example.org"],
      [{ bucket: "amr-data", prefix: "", endpoint: "http://127.0.0.1:9000", forcePathStyle: true, credentials }, "http://127.0.0.1:9000"],
    ];
    for (const [opts, origin] of cases) {
      const storage: S3Storage = new S3Storage(opts);
      // Signing a POST form is local work: nothing is sent to these hosts.
      const post = await storage.presignPost("uploads/u/x.fa", { maxBytes: 10, expiresSeconds: 60 });
      expect(storage.uploadOrigin()).toBe(origin);
      expect(new URL(post.url).origin).toBe(origin);
      storage.client.destroy();
    }
  });
});

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Large buffers compare much faster (and print shorter) as digests. */
function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function keysOf(objects: { key: string }[]): string[] {
  return objects.map((o) => o.key);
}

/** A request body that breaks off after `bytes`, like a client that disconnects mid-upload. */
function failingBody(bytes: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) {
        this.destroy(new Error("client went away"));
        return;
      }
      const n = Math.min(64 * 1024, bytes - sent);
      sent += n;
      this.push(randomBytes(n));
    },
  });
}
