import type { Db } from "@/lib/db";
import type { Storage } from "@/lib/storage";
import { jobFiles } from "./job-files";
import { deleteJobRow, requestCancel } from "./job-repository";
import { getJobForUserOrThrow } from "./queries";

/**
 * Removes a job's files, then its row. A running job is flagged first so its worker stops; its
 * fenced writes then touch nothing, and it deletes its own result folder when completion fails.
 * Files first: a crash between the two leaves a row whose files are gone (reported by the
 * reconciler), never an unowned file holding someone's genome.
 */
export async function deleteJob(db: Db, storage: Storage, userId: string, id: string): Promise<void> {
  const job = await getJobForUserOrThrow(db, userId, id);
  if (job.status === "Processing" || job.status === "Submitted") {
    await requestCancel(db, userId, id, ["Processing", "Submitted"]);
  }
  if (job.inputFilePath) await storage.delete(job.inputFilePath);
  for (const prefix of jobFiles.allOf(id).folders) await storage.deletePrefix(prefix);
  await deleteJobRow(db, userId, id);
}
