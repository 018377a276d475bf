import type { Readable } from "node:stream";
import { promisify } from "node:util";
import { createGunzip, gunzip } from "node:zlib";
import type { AmrResult } from "@/lib/amr/types";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log/logger";
import { archivedKey } from "@/lib/maintenance/archive-files";
import type { Storage } from "@/lib/storage";
import { getJobForUserOrThrow } from "./queries";
import { RESULT_FORMATS, type ResultFormat } from "./result-files";

export interface ResultDownload {
  /** Streamed from storage: a result file is never held whole in the server's memory. */
  body: Readable;
  fileName: string;
  contentType: string;
  /** Changes whenever the job's files could have changed. */
  etag: string;
}

/** Opens one result file of the user's own finished job. */
export async function readResult(db: Db, storage: Storage, userId: string, id: string, format: ResultFormat): Promise<ResultDownload> {
  return resultDownload(storage, await getJobForUserOrThrow(db, userId, id), format);
}

/** One result file of a job row the caller has already been allowed to read (owner or share link). */
export async function resultDownload(
  storage: Storage,
  job: { id: string; status: string; resultFilePath: string | null; jobName: string; version: number },
  format: ResultFormat,
): Promise<ResultDownload> {
  const id = job.id;
  if (job.status !== "Completed" && job.status !== "Archived") {
    throw new AppError("conflict", `Results are available once the job has completed; it is ${job.status.toLowerCase()}.`);
  }
  if (!job.resultFilePath) throw new AppError("not_found", "This job has no result files.");
  const spec = RESULT_FORMATS[format];
  const body = await openStoredResult(storage, job.status, job.resultFilePath, spec.file);
  if (!body) {
    log().error({ jobId: id, format }, "result file missing from storage");
    throw new AppError("not_found", "The result file is missing. Re-run the job to regenerate it.");
  }
  return {
    body,
    fileName: `${safeStem(job.jobName)}.${spec.suffix}`,
    contentType: spec.contentType,
    etag: `"${id}-${job.version}-${format}"`,
  };
}

/** Where a result file sits: archived jobs' results are gzipped by maintenance (lib/maintenance). */
function storedResultKey(status: string, folder: string, file: string): string {
  return status === "Archived" ? archivedKey(folder, file) : folder + file;
}

/** Users get the original bytes, gunzipped on the way out for an archived job. */
async function openStoredResult(storage: Storage, status: string, folder: string, file: string): Promise<Readable | null> {
  const key = storedResultKey(status, folder, file);
  if (!(await storage.head(key))) return null;
  const stream = await storage.get(key);
  return status === "Archived" ? stream.pipe(createGunzip()) : stream;
}

const gunzipAsync = promisify(gunzip);

/**
 * A finished job's parsed result.json, read whole (results are KB to a few MB), from its result
 * folder or, once archived, from its archive. Null when the file is missing or unreadable.
 */
export async function readResultJson(storage: Storage, job: { status: string; resultFilePath: string | null }): Promise<AmrResult | null> {
  if (!job.resultFilePath || (job.status !== "Completed" && job.status !== "Archived")) return null;
  const file = RESULT_FORMATS.json.file;
  try {
    const raw = await storage.getBuffer(storedResultKey(job.status, job.resultFilePath, file));
    const text = (job.status === "Archived" ? await gunzipAsync(raw) : raw).toString("utf8");
    return JSON.parse(text) as AmrResult;
  } catch {
    return null;
  }
}

function safeStem(name: string): string {
  return name.replace(/[\\/\u0000-\u001f\u007f"]/g, "_").slice(0, 120) || "results";
}
