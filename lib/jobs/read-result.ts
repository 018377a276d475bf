import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Storage } from "@/lib/storage";
import { getJobForUserOrThrow } from "./queries";
import { RESULT_FORMATS, type ResultFormat } from "./result-files";

export interface ResultDownload {
  body: Buffer;
  fileName: string;
  contentType: string;
  /** Changes whenever the job's files could have changed. */
  etag: string;
}

/** Reads one result file of the user's own finished job. */
export async function readResult(db: Db, storage: Storage, userId: string, id: string, format: ResultFormat): Promise<ResultDownload> {
  const job = await getJobForUserOrThrow(db, userId, id);
  if (job.status !== "Completed" && job.status !== "Archived") {
    throw new AppError("conflict", `Results are available once the job has completed; it is ${job.status.toLowerCase()}.`);
  }
  if (!job.resultFilePath) throw new AppError("not_found", "This job has no result files.");
  const spec = RESULT_FORMATS[format];
  const key = job.resultFilePath + spec.file;
  if (!(await storage.exists(key))) {
    console.error(`[results] job ${id}: ${format} missing from storage`);
    throw new AppError("not_found", "The result file is missing. Re-run the job to regenerate it.");
  }
  return {
    body: await storage.readBuffer(key),
    fileName: `${safeStem(job.jobName)}.${spec.suffix}`,
    contentType: spec.contentType,
    etag: `"${id}-${job.version}-${format}"`,
  };
}

function safeStem(name: string): string {
  return name.replace(/[\\/\u0000-\u001f\u007f"]/g, "_").slice(0, 120) || "results";
}
