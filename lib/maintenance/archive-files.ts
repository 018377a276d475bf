import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { z } from "zod";
import { failPoint } from "@/lib/failpoints";
import { jobFiles } from "@/lib/jobs/job-files";
import { listAll, type Storage } from "@/lib/storage";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Written last: its presence says every gzip before it was committed. */
export const MANIFEST_FILE = "manifest.json";

const manifestSchema = z.object({
  version: z.literal(1),
  jobId: z.string(),
  files: z.array(z.object({ name: z.string(), size: z.number().int(), sha256: z.string().length(64) })),
});

export type ArchiveManifest = z.infer<typeof manifestSchema>;

export class ArchiveVerificationError extends Error {
  constructor(jobId: string, detail: string) {
    super(`Archive of job ${jobId} failed verification: ${detail}`);
    this.name = "ArchiveVerificationError";
  }
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
export const archivedName = (file: string) => `${file}.gz`;

/**
 * Gzips every file of the job's result folder into `archive/<jobId>/` (one .gz per file, each
 * written temp-then-rename), then the manifest with the originals' sha256. Rewriting over a
 * half-written archive from a crashed run is safe: nothing reads it until the job is Archived.
 * Result files are small (KB to a few MB), so each is handled as one buffer.
 */
export async function writeArchive(storage: Storage, jobId: string, resultPrefix: string): Promise<ArchiveManifest> {
  const dest = jobFiles.archive(jobId);
  const files: ArchiveManifest["files"] = [];
  const listed = await listAll(storage, resultPrefix);
  for (const { key } of listed) {
    const name = key.slice(resultPrefix.length);
    // Only plain files sit in a result folder; anything nested is not ours to archive.
    if (!name || name.includes("/")) continue;
    const original = await storage.getBuffer(key);
    await storage.put(dest + archivedName(name), await gzipAsync(original, { level: 9 }));
    failPoint("archive:gzip-written");
    files.push({ name, size: original.length, sha256: sha256(original) });
  }
  const manifest: ArchiveManifest = { version: 1, jobId, files };
  await storage.put(dest + MANIFEST_FILE, JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

export async function readManifest(storage: Storage, jobId: string): Promise<ArchiveManifest> {
  const text = (await storage.getBuffer(jobFiles.archive(jobId) + MANIFEST_FILE)).toString("utf8");
  return manifestSchema.parse(JSON.parse(text));
}

/** Reads the archive back as a download would: every gzip must inflate to the recorded bytes. */
export async function verifyArchive(storage: Storage, jobId: string): Promise<void> {
  const manifest = await readManifest(storage, jobId);
  if (manifest.jobId !== jobId) throw new ArchiveVerificationError(jobId, "manifest names another job");
  for (const f of manifest.files) {
    let data: Buffer;
    try {
      data = await gunzipAsync(await storage.getBuffer(jobFiles.archive(jobId) + archivedName(f.name)));
    } catch (err) {
      throw new ArchiveVerificationError(jobId, `${f.name}: ${(err as Error).message}`);
    }
    if (data.length !== f.size || sha256(data) !== f.sha256) throw new ArchiveVerificationError(jobId, `${f.name}: checksum mismatch`);
  }
}

/** The stored key of one archived file (gzipped). */
export function archivedKey(archivePrefix: string, file: string): string {
  return archivePrefix + archivedName(file);
}
