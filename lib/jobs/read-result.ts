import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
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
  const job = await getJobForUserOrThrow(db, userId, id);
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

/** Archived jobs' results are gzipped by maintenance (lib/maintenance); users get the original bytes. */
async function openStoredResult(storage: Storage, status: string, folder: string, file: string): Promise<Readable | null> {
  const key = status === "Archived" ? archivedKey(folder, file) : folder + file;
  if (!(await storage.head(key))) return null;
  const stream = await storage.get(key);
  return status === "Archived" ? stream.pipe(createGunzip()) : stream;
}

function safeStem(name: string): string {
  return name.replace(/[\\/\u0000-\u001f\u007f"]/g, "_").slice(0, 120) || "results";
}
