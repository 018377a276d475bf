import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach } from "vitest";
import type { CreateJobDeps } from "@/lib/jobs/create-job";
import { createUploadTemp } from "@/lib/jobs/upload-temp";
import { overrideStorage } from "@/lib/storage";
import { createTestDb, type TestDb } from "./test-db";
import type { Db } from "@/lib/db";
import { LocalStorage } from "@/lib/storage/local-storage";

export const EXAMPLES = "/usr/share/doc/resfinder/examples/data";

export function tempStorage(): { storage: LocalStorage; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "amr-storage-"));
  return { storage: new LocalStorage(dir), dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every regular file under a directory, relative; for "no file left behind" assertions. */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Job services on a test database and storage. Multipart uploads are staged inside the storage
 * directory (not the system temp dir), so "nothing left behind" assertions cover them too.
 */
export function jobDepsFor(db: Db, storage: LocalStorage, over: Partial<CreateJobDeps> = {}): CreateJobDeps {
  const staging = path.join(storage.root, "staging");
  return {
    db,
    storage,
    createTemp: async () => {
      mkdirSync(staging, { recursive: true });
      return createUploadTemp(staging);
    },
    maxUploadBytes: 5 * 1024 * 1024,
    maxUncompressedBytes: 20 * 1024 * 1024,
    maxActiveJobsPerUser: 100,
    ...over,
  };
}

/** A multipart upload as a browser or curl would send it. */
export function uploadRequest(
  file: { name: string; data: Uint8Array | string } | null,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new Blob([file.data as BlobPart]), file.name);
  return new Request("http://localhost:3000/api/jobs", { method: "POST", body: form, headers });
}

/** A small valid genome: random background (seeded) with a line width of 60. */
export function randomGenome(bases: number, seed = 1, id = "contig1"): string {
  let x = seed >>> 0 || 1;
  const letters = "ACGT";
  let seq = "";
  for (let i = 0; i < bases; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    seq += letters[(x >>> 0) & 3];
  }
  return `>${id}\n${seq.replace(/(.{60})/g, "$1\n")}\n`;
}

export type TempStorage = ReturnType<typeof tempStorage>;

/** Per test: a migrated throwaway database and a storage directory, handed to `set`. */
export function withTestDbAndStorage(set: (t: TestDb, s: TempStorage) => void): void {
  let current: { t: TestDb; s: TempStorage } | undefined;
  beforeEach(async () => {
    current = { t: await createTestDb(), s: tempStorage() };
    set(current.t, current.s);
  });
  afterEach(async () => {
    await current?.t.close();
    current?.s.cleanup();
  });
}

/** Per test: a storage directory installed as the application's storage (for route tests). */
export function withAppStorage(set: (s: TempStorage) => void): void {
  let current: TempStorage | undefined;
  beforeEach(() => {
    current = tempStorage();
    overrideStorage(current.storage);
    set(current);
  });
  afterEach(() => {
    overrideStorage(undefined);
    current?.cleanup();
  });
}

/** A stream read to the end, as text (downloads are streamed). */
export async function streamText(stream: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}
