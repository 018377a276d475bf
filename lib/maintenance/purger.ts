import { forgetSurvivors, notePurgedMembers } from "@/lib/collections/purge-notes";
import { jobFiles } from "@/lib/jobs/job-files";
import { deleteFinishedRows } from "@/lib/jobs/job-repository";
import { FILE_CONCURRENCY, forEachLimited } from "./batch-files";
import { candidatePages, type CandidateRow, type RetentionStatus } from "./candidates";
import type { MaintenanceContext } from "./context";
import { candidateCutoff, selectPurgeable } from "./retention";

const PURGED_STATUSES: readonly RetentionStatus[] = ["Completed", "Error", "Cancelled", "Archived"];

/**
 * Deletes jobs past retention: files first, then rows (one statement per batch, each delete
 * conditional on the version read). A crash between the two leaves rows without files, which the
 * next run purges again; never a file without its row.
 */
export async function purgeDueJobs(ctx: MaintenanceContext): Promise<number> {
  let purged = 0;
  for (const status of PURGED_STATUSES) {
    for await (const page of candidatePages(ctx.db, status, candidateCutoff(status, ctx.now, ctx.policy), ctx.batchSize)) {
      const due = selectPurgeable(page, ctx.now, ctx.policy);
      if (due.length > 0) purged += await purgeBatch(ctx, due);
      await ctx.heartbeat();
    }
  }
  return purged;
}

async function purgeBatch(ctx: MaintenanceContext, rows: CandidateRow[]): Promise<number> {
  await forEachLimited(rows, FILE_CONCURRENCY, async (row) => {
    if (row.inputFilePath) await ctx.storage.delete(row.inputFilePath);
    // Both spellings: an archive interrupted after clearing input_file_path may have left the genome.
    const files = jobFiles.allOf(row.id);
    for (const key of files.inputs) await ctx.storage.delete(key);
    for (const prefix of files.folders) await ctx.storage.deletePrefix(prefix);
  });
  ctx.check("purge:files-deleted");
  await notePurgedMembers(ctx.db, rows.map((r) => r.id), ctx.now);
  const deleted = await deleteFinishedRows(ctx.db, rows);
  await forgetSurvivors(ctx.db, rows.filter((r) => !deleted.has(r.id)).map((r) => r.id));
  ctx.check("purge:rows-deleted");
  return deleted.size;
}
