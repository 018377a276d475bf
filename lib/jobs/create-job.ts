import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { FastaError, scanFasta } from "@/lib/amr/fasta-reader";
import type { Db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { storageKeys, type Storage } from "@/lib/storage";
import { assertQueueRoom, resolveJobParams } from "./job-admission";
import { insertJob } from "./job-repository";
import { parseUpload } from "./parse-upload";
import { uploadFieldsSchema } from "./upload-fields";

export interface CreateJobDeps {
  db: Db;
  storage: Storage;
  maxUploadBytes: number;
  maxUncompressedBytes: number;
  maxActiveJobsPerUser: number;
}

/**
 * Upload → validated genome on disk → job row. The file is committed under a server-made key
 * before the row; a crash in between leaves an orphan file that the reconciler removes, never a
 * row without its file.
 */
export async function createJob(deps: CreateJobDeps, userId: string, req: Request) {
  const { db, storage } = deps;
  // Refuse early when the queue is already full (cheap, before the body is read); the insert
  // below checks again atomically, so two servers cannot both let one more through.
  await assertQueueRoom(db, userId, deps.maxActiveJobsPerUser);

  const upload = await parseUpload(req, storage, { maxBytes: deps.maxUploadBytes });
  let committedKey: string | null = null;
  try {
    const parsed = uploadFieldsSchema.safeParse(upload.fields);
    if (!parsed.success) {
      const errors = zodFieldErrors(parsed.error);
      const [field, message] = Object.entries(errors)[0];
      throw new AppError("validation_failed", `${field} ${message}`, { details: { fields: errors } });
    }
    const { jobName, ...paramFields } = parsed.data;
    const params = resolveJobParams(paramFields);
    const scan = await scanGenome(upload.temp.path, deps.maxUncompressedBytes);

    const id = randomUUID();
    committedKey = storageKeys.input(id, scan.format === "fasta.gz");
    await upload.temp.commit(committedKey);
    return await insertJob(db, {
      id,
      userId,
      jobName: jobName || defaultJobName(upload.fileName),
      params,
      inputFilePath: committedKey,
      input: {
        fileName: upload.fileName,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
        contigs: scan.contigs,
        bases: scan.bases,
      },
    }, deps.maxActiveJobsPerUser);
  } catch (err) {
    await upload.temp.discard();
    if (committedKey) await storage.delete(committedKey).catch(() => undefined);
    throw err;
  }
}

async function scanGenome(path: string, maxUncompressedBytes: number) {
  try {
    return await scanFasta(createReadStream(path), { maxBytes: maxUncompressedBytes });
  } catch (err) {
    if (err instanceof FastaError) {
      const code = err.code === "too_large" ? "payload_too_large" : "invalid_genome";
      throw new AppError(code, err.message, { details: { reason: err.code, line: err.line } });
    }
    throw err;
  }
}

function defaultJobName(fileName: string): string {
  return fileName.replace(/\.(fa|fasta|fna|fas|ffn|fsa)(\.gz)?$/i, "").replace(/\.gz$/i, "") || "Genome";
}
