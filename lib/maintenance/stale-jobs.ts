import { sqlTime } from "@/lib/jobs/sql-time";
import type { MaintenanceContext } from "./context";
import { staleLeaseCutoff, staleSubmittedCutoff } from "./retention";

export const STALE_SUBMITTED_MESSAGE =
  "No worker started this analysis within the time allowed, so it was stopped. Submit the genome again; if this keeps happening, contact the operator.";
export const STALE_PROCESSING_MESSAGE =
  "The analysis stopped: the worker running it is gone and none took it over. Submit the genome again; if this keeps happening, contact the operator.";

/**
 * One conditional UPDATE per batch: the inner SELECT picks up to `limit` stale rows, the outer
 * WHERE re-checks the same condition, so a job a worker claims or renews at the same moment is
 * left alone (SQLite runs the statement atomically). Cancel-requested jobs end Cancelled instead.
 */
function failSql(where: string): string {
  return `
UPDATE amr_jobs
   SET status = CASE WHEN cancel_requested = 1 THEN 'Cancelled' ELSE 'Error' END,
       error = CASE WHEN cancel_requested = 1 THEN error ELSE ? END,
       completed_at = ?, updated_at = ?,
       lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
       version = version + 1
 WHERE id IN (SELECT id FROM amr_jobs WHERE ${where} LIMIT ?) AND ${where}
RETURNING id`;
}

const SUBMITTED = "status = 'Submitted' AND created_at <= ?";
const PROCESSING = "status = 'Processing' AND lease_expires_at <= ?";

/** Queued too long, or running past its lease with no worker sweeping: failed (then Error's policy). */
export async function failStaleJobs(ctx: MaintenanceContext): Promise<number> {
  const now = sqlTime(ctx.now);
  const submitted = sqlTime(staleSubmittedCutoff(ctx.now, ctx.policy));
  const leases = sqlTime(staleLeaseCutoff(ctx.now, ctx.policy));
  let failed = 0;
  for (const [where, cutoff, message] of [
    [SUBMITTED, submitted, STALE_SUBMITTED_MESSAGE],
    [PROCESSING, leases, STALE_PROCESSING_MESSAGE],
  ] as const) {
    for (;;) {
      const rows = await ctx.db.$queryRawUnsafe<{ id: string }[]>(failSql(where), message, now, now, cutoff, ctx.batchSize, cutoff);
      failed += rows.length;
      if (rows.length < ctx.batchSize) break;
      await ctx.heartbeat();
    }
  }
  ctx.check("stale:failed");
  return failed;
}
