import { failStaleBatch } from "@/lib/jobs/job-repository";
import type { MaintenanceContext } from "./context";
import { staleLeaseCutoff, staleSubmittedCutoff } from "./retention";

export const STALE_SUBMITTED_MESSAGE =
  "No worker started this analysis within the time allowed, so it was stopped. Submit the genome again; if this keeps happening, contact the operator.";
export const STALE_PROCESSING_MESSAGE =
  "The analysis stopped: the worker running it is gone and none took it over. Submit the genome again; if this keeps happening, contact the operator.";

/** Queued too long, or running past its lease with no worker sweeping: failed (then Error's policy). */
export async function failStaleJobs(ctx: MaintenanceContext): Promise<number> {
  let failed = 0;
  for (const [kind, cutoff, message] of [
    ["submitted", staleSubmittedCutoff(ctx.now, ctx.policy), STALE_SUBMITTED_MESSAGE],
    ["processing", staleLeaseCutoff(ctx.now, ctx.policy), STALE_PROCESSING_MESSAGE],
  ] as const) {
    for (;;) {
      // One conditional UPDATE per batch (lib/jobs/job-repository.ts): a job a worker claims or
      // renews at the same moment is left alone.
      const rows = await failStaleBatch(ctx.db, kind, cutoff, message, ctx.batchSize, ctx.now);
      failed += rows.length;
      if (rows.length < ctx.batchSize) break;
      await ctx.heartbeat();
    }
  }
  ctx.check("stale:failed");
  return failed;
}
