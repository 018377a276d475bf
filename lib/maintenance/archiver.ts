import { jobFiles } from "@/lib/jobs/job-files";
import { verifyArchive, writeArchive } from "./archive-files";
import { markArchived } from "@/lib/jobs/job-repository";
import { FILE_CONCURRENCY, forEachLimited } from "./batch-files";
import { candidatePages, type CandidateRow } from "./candidates";
import type { MaintenanceContext } from "./context";
import { candidateCutoff, selectArchivable } from "./retention";

/**
 * Archives every finished job the policy says is due: gzip + verify each job's results, then one
 * compare-and-set statement for the batch (status and version unchanged since read), and only
 * then delete the originals. A crash anywhere leaves either a finished job with its originals
 * (rewritten next run) or an Archived job whose leftovers the reconciler removes.
 */
export async function archiveDueJobs(ctx: MaintenanceContext): Promise<number> {
  let archived = 0;
  for (const status of ["Completed", "Error", "Cancelled"] as const) {
    for await (const page of candidatePages(ctx.db, status, candidateCutoff(status, ctx.now, ctx.policy), ctx.batchSize)) {
      const due = selectArchivable(page, ctx.now, ctx.policy);
      if (due.length > 0) archived += await archiveBatch(ctx, due);
      await ctx.heartbeat();
    }
  }
  return archived;
}

async function archiveBatch(ctx: MaintenanceContext, rows: CandidateRow[]): Promise<number> {
  const ready: CandidateRow[] = [];
  for (const row of rows) {
    try {
      if (row.resultFilePath) {
        await writeArchive(ctx.storage, row.id, row.resultFilePath);
        ctx.check("archive:files-written");
        await verifyArchive(ctx.storage, row.id);
      }
      ready.push(row);
    } catch (err) {
      if ((err as Error).name === "InjectedFailure") throw err;
      // One unreadable job must not stop the others; it stays finished and is retried next run.
      ctx.log(`archive of job ${row.id} failed, left as ${row.status}: ${(err as Error).message}`);
    }
  }
  ctx.check("archive:verified");
  const archived = await markArchived(ctx.db, ready.map((r) => ({ ...r, archiveKey: jobFiles.archive(r.id) })), ctx.policy.keepInputOnArchive, ctx.now);
  const marked = ready.filter((r) => archived.has(r.id));
  ctx.check("archive:marked");
  await forEachLimited(marked, FILE_CONCURRENCY, async (row) => {
    await ctx.storage.deletePrefix(jobFiles.resultsRoot(row.id));
    if (!ctx.policy.keepInputOnArchive && row.inputFilePath) await ctx.storage.delete(row.inputFilePath);
  });
  ctx.check("archive:originals-deleted");
  return marked.length;
}
