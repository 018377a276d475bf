import { FINISHED_STATUSES } from "@/lib/jobs/status";
import { storageKeys } from "@/lib/storage";
import { verifyArchive, writeArchive } from "./archive-files";
import { candidatePages, type CandidateRow } from "./candidates";
import type { MaintenanceContext } from "./context";
import { candidateCutoff, selectArchivable } from "./retention";

/**
 * Archives every finished job the policy says is due: gzip + verify each job's results, then one
 * compare-and-set transaction for the batch (status and version unchanged since read), and only
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
  const marked = await markArchived(ctx, ready);
  ctx.check("archive:marked");
  for (const row of marked) {
    await ctx.storage.delete(storageKeys.resultsRoot(row.id));
    if (!ctx.policy.keepInputOnArchive && row.inputFilePath) await ctx.storage.delete(row.inputFilePath);
  }
  ctx.check("archive:originals-deleted");
  return marked.length;
}

/** One short transaction per batch; a row whose status or version moved since it was read is left alone. */
async function markArchived(ctx: MaintenanceContext, rows: CandidateRow[]): Promise<CandidateRow[]> {
  if (rows.length === 0) return [];
  const { db, now, policy } = ctx;
  const results = await db.$transaction(
    rows.map((row) =>
      db.amrJob.updateMany({
        where: { id: row.id, version: row.version, status: { in: [...FINISHED_STATUSES] } },
        data: {
          status: "Archived",
          archivedAt: now,
          resultFilePath: row.resultFilePath ? storageKeys.archive(row.id) : null,
          ...(policy.keepInputOnArchive ? {} : { inputFilePath: null }),
          leaseOwner: null,
          leaseToken: null,
          leaseExpiresAt: null,
          version: { increment: 1 },
          updatedAt: now,
        },
      }),
    ),
  );
  return rows.filter((_, i) => results[i].count === 1);
}
