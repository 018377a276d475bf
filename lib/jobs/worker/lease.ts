import type { Db } from "@/lib/db";
import { sqlTime } from "../sql-time";

export interface LeaseState {
  held: boolean;
  cancelRequested: boolean;
}

/** Extends the lease and reports whether a cancel was requested; held=false means it was lost. */
export async function renewLease(db: Db, jobId: string, leaseToken: string, leaseMs: number, now: Date): Promise<LeaseState> {
  const rows = await db.$queryRawUnsafe<{ cancel_requested: bigint | number }[]>(
    `UPDATE amr_jobs SET lease_expires_at = ?
      WHERE id = ? AND status = 'Processing' AND lease_token = ?
      RETURNING cancel_requested`,
    sqlTime(new Date(now.getTime() + leaseMs)),
    jobId,
    leaseToken,
  );
  const row = rows[0];
  return { held: Boolean(row), cancelRequested: Boolean(row && Number(row.cancel_requested)) };
}

/** A cheap read for the cancel flag between heartbeats (a user waits for this one). */
export async function readLease(db: Db, jobId: string, leaseToken: string): Promise<LeaseState> {
  const row = await db.amrJob.findFirst({
    where: { id: jobId, status: "Processing", leaseToken },
    select: { cancelRequested: true },
  });
  return { held: Boolean(row), cancelRequested: Boolean(row?.cancelRequested) };
}

/** Graceful shutdown: hand the job back untouched (the attempt does not count). */
export async function releaseJob(db: Db, jobId: string, leaseToken: string, now: Date): Promise<boolean> {
  const { count } = await db.amrJob.updateMany({
    where: { id: jobId, status: "Processing", leaseToken },
    data: {
      status: "Submitted",
      progress: 0,
      additionalInfo: JSON.stringify({ phase: "queued" }),
      attempts: { decrement: 1 },
      leaseOwner: null,
      leaseToken: null,
      leaseExpiresAt: null,
      startedAt: null,
      version: { increment: 1 },
      updatedAt: now,
    },
  });
  return count === 1;
}

const GIVE_UP = "(cancel_requested = 1 OR attempts >= :max)";

/** Named parameters (:max, :now) keep this readable; expanded to positional ones below. */
const RECLAIM_TEMPLATE = `
UPDATE amr_jobs
   SET status = CASE WHEN cancel_requested = 1 THEN 'Cancelled'
                     WHEN attempts >= :max THEN 'Error' ELSE 'Submitted' END,
       error = CASE WHEN cancel_requested = 0 AND attempts >= :max
                    THEN 'The analysis stopped responding ' || attempts || ' times (the worker running it died). It will not be retried; submit it again, and contact the operator if it keeps failing.'
                    ELSE error END,
       completed_at = CASE WHEN ${GIVE_UP} THEN :now ELSE completed_at END,
       progress = CASE WHEN ${GIVE_UP} THEN progress ELSE 0 END,
       started_at = CASE WHEN ${GIVE_UP} THEN started_at ELSE NULL END,
       lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
       version = version + 1, updated_at = :now
 WHERE status = 'Processing' AND lease_expires_at < :now
RETURNING id, status`;

const RECLAIM_ORDER = [...RECLAIM_TEMPLATE.matchAll(/:(max|now)\b/g)].map((m) => m[1] as "max" | "now");
export const RECLAIM_SQL = RECLAIM_TEMPLATE.replace(/:(max|now)\b/g, "?");

/**
 * Jobs whose worker died (lease expired) go back to the queue, or to Error once they have used
 * their attempts. One statement: a worker renewing at the same moment either wins or loses whole.
 */
export async function reclaimExpiredLeases(db: Db, now: Date, maxAttempts: number) {
  const values = { max: maxAttempts, now: sqlTime(now) };
  return db.$queryRawUnsafe<{ id: string; status: string }[]>(RECLAIM_SQL, ...RECLAIM_ORDER.map((k) => values[k]));
}
