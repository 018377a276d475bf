import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { FastaError, scanFasta, type ByteSource } from "@/lib/amr/fasta-reader";
import type { Db } from "@/lib/db";
import { failPoint } from "@/lib/failpoints";
import { AppError, zodFieldErrors } from "@/lib/errors";
import type { Storage } from "@/lib/storage";
import { toDisplayName } from "./display-name";
import { assertCollectionOwned, assertQueueRoom, resolveJobParams } from "./job-admission";
import { jobFiles } from "./job-files";
import { insertJob } from "./job-repository";
import { parseUpload, uploadTooLarge } from "./parse-upload";
import { uploadFieldsSchema } from "./upload-fields";
import { createUploadTemp, type UploadTemp } from "./upload-temp";
import type { ConfirmUpload } from "./direct-upload-schemas";

export interface CreateJobDeps {
  db: Db;
  storage: Storage;
  maxUploadBytes: number;
  maxUncompressedBytes: number;
  maxActiveJobsPerUser: number;
  /** Where multipart uploads are staged for validation (default: the system temp directory). */
  createTemp?: () => Promise<UploadTemp>;
}

/**
 * A multipart upload → validated genome in storage → job row. The file is stored under a
 * server-made key before the row; a crash in between leaves an orphan file that the reconciler
 * removes, never a row without its file.
 */
export async function createJob(deps: CreateJobDeps, userId: string, req: Request) {
  const { db, storage } = deps;
  // Refuse early when the queue is already full (cheap, before the body is read); the insert
  // below checks again atomically, so two servers cannot both let one more through.
  await assertQueueRoom(db, userId, deps.maxActiveJobsPerUser);

  const upload = await parseUpload(req, deps.createTemp ?? (() => createUploadTemp()), { maxBytes: deps.maxUploadBytes });
  let storedKey: string | null = null;
  try {
    const parsed = uploadFieldsSchema.safeParse(upload.fields);
    if (!parsed.success) {
      const errors = zodFieldErrors(parsed.error);
      const [field, message] = Object.entries(errors)[0];
      throw new AppError("validation_failed", `${field} ${message}`, { fields: errors });
    }
    const { jobName, collectionId, ...paramFields } = parsed.data;
    const params = resolveJobParams(paramFields);
    if (collectionId) await assertCollectionOwned(db, userId, collectionId);
    const scan = await scanGenome(createReadStream(upload.temp.path), deps.maxUncompressedBytes);

    const id = randomUUID();
    storedKey = jobFiles.input(id, scan.format === "fasta.gz");
    await storage.put(storedKey, createReadStream(upload.temp.path));
    failPoint("upload:file-stored");
    return await insertJob(
      db,
      {
        id,
        userId,
        jobName: jobName || defaultJobName(upload.fileName),
        params,
        collectionId,
        inputFilePath: storedKey,
        input: { fileName: upload.fileName, sizeBytes: upload.sizeBytes, sha256: upload.sha256, contigs: scan.contigs, bases: scan.bases },
      },
      deps.maxActiveJobsPerUser,
    );
  } catch (err) {
    if (storedKey) await storage.delete(storedKey).catch(() => undefined);
    throw err;
  } finally {
    await upload.temp.discard();
  }
}

/**
 * The second step of a direct upload: the genome is already in the bucket under the user's
 * upload key. It gets the same checks as a multipart upload — size (by HEAD: not every store
 * enforces the POST policy's size range), then the FASTA/gzip validation while streaming it —
 * and becomes a job; or it is deleted and the same clear 4xx is returned.
 */
export async function createJobFromUpload(deps: CreateJobDeps, userId: string, input: ConfirmUpload) {
  const { db, storage } = deps;
  const uploadKey = jobFiles.upload(userId, input.uploadId);
  const object = await storage.head(uploadKey);
  if (!object) {
    throw new AppError("not_found", "No such upload: send the file to the upload URL first (upload URLs expire after a few minutes).");
  }
  let inputKey: string | null = null;
  try {
    if (object.size > deps.maxUploadBytes) throw uploadTooLarge(deps.maxUploadBytes);
    if (object.size === 0) throw new AppError("invalid_genome", "The file is empty.");
    const { jobName, fileName, collectionId: named, ...paramFields } = input;
    const params = resolveJobParams(paramFields);
    const collectionId = named ?? (await startedForCollection(storage, userId, input.uploadId));
    if (collectionId) await assertCollectionOwned(db, userId, collectionId);
    await assertQueueRoom(db, userId, deps.maxActiveJobsPerUser);

    const hash = createHash("sha256");
    let streamed = 0;
    async function* hashed(body: Readable) {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        streamed += chunk.length;
        // The HEAD said the size was fine; an object that changed since is cut off here.
        if (streamed > deps.maxUploadBytes) throw uploadTooLarge(deps.maxUploadBytes);
        hash.update(chunk);
        yield chunk;
      }
    }
    const scan = await scanGenome(hashed(await storage.get(uploadKey)), deps.maxUncompressedBytes);

    const id = randomUUID();
    inputKey = jobFiles.input(id, scan.format === "fasta.gz");
    await storage.copy(uploadKey, inputKey);
    const displayName = toDisplayName(fileName ?? "genome.fa");
    const job = await insertJob(
      db,
      {
        id,
        userId,
        jobName: jobName || defaultJobName(displayName),
        params,
        collectionId,
        inputFilePath: inputKey,
        input: { fileName: displayName, sizeBytes: streamed, sha256: hash.digest("hex"), contigs: scan.contigs, bases: scan.bases },
      },
      deps.maxActiveJobsPerUser,
    );
    await storage.delete(uploadKey).catch(() => undefined); // maintenance removes it otherwise
    await storage.delete(jobFiles.uploadCollection(userId, input.uploadId)).catch(() => undefined);
    return job;
  } catch (err) {
    await storage.delete(uploadKey).catch(() => undefined);
    await storage.delete(jobFiles.uploadCollection(userId, input.uploadId)).catch(() => undefined);
    if (inputKey) await storage.delete(inputKey).catch(() => undefined);
    throw err;
  }
}

/** The collection named when this direct upload was started, if any (checked again on insert). */
async function startedForCollection(storage: Storage, userId: string, uploadId: string): Promise<string | undefined> {
  const key = jobFiles.uploadCollection(userId, uploadId);
  if (!(await storage.head(key))) return undefined;
  const id = (await storage.getBuffer(key)).toString("utf8").trim();
  return /^[0-9a-f-]{36}$/i.test(id) ? id : undefined;
}

async function scanGenome(source: ByteSource, maxUncompressedBytes: number) {
  try {
    return await scanFasta(source, { maxBytes: maxUncompressedBytes });
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
