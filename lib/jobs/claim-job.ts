import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { sqlTime } from "./sql-time";

export interface Claim {
  jobId: string;
  leaseToken: string;
  attempts: number;
}

/** The claim, one statement: SQLite serialises writers, so two workers can never both win. */
export const CLAIM_SQL = `
UPDATE amr_jobs
   SET status = 'Processing', lease_owner = ?, lease_token = ?, lease_expires_at = ?,
       attempts = attempts + 1, started_at = ?, updated_at = ?, version = version + 1
 WHERE id = (SELECT id FROM amr_jobs
              WHERE status = 'Submitted' AND cancel_requested = 0
              ORDER BY created_at, id LIMIT 1)
   AND status = 'Submitted'
RETURNING id, lease_token AS leaseToken, attempts`;

export const QUEUED_SQL = "SELECT 1 FROM amr_jobs WHERE status = 'Submitted' AND cancel_requested = 0 LIMIT 1";

/** Takes the oldest Submitted job and leases it to `owner` until now + leaseMs. */
export async function claimNextJob(db: Db, owner: string, opts: { leaseMs: number; now?: Date }): Promise<Claim | null> {
  // Idle workers poll every second; a read answers "nothing queued" without taking SQLite's
  // single write lock, which the UPDATE below would, even when it matches no row.
  const queued = await db.$queryRawUnsafe<unknown[]>(QUEUED_SQL);
  if (queued.length === 0) return null;
  const now = opts.now ?? new Date();
  const token = randomUUID();
  const rows = await db.$queryRawUnsafe<{ id: string; leaseToken: string; attempts: bigint | number }[]>(
    CLAIM_SQL,
    owner,
    token,
    sqlTime(new Date(now.getTime() + opts.leaseMs)),
    sqlTime(now),
    sqlTime(now),
  );
  const row = rows[0];
  return row ? { jobId: row.id, leaseToken: row.leaseToken, attempts: Number(row.attempts) } : null;
}
