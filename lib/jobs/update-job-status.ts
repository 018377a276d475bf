import type { Db } from "@/lib/db";
import { canTransition, FINISHED_STATUSES, type JobStatus } from "./status";
import type { JobProgressInfo } from "./types";

export interface StatusChange {
  from: JobStatus;
  to: JobStatus;
  /** Fences a worker's write: a job re-leased to another worker is not touched. */
  leaseToken?: string;
  progress?: number;
  error?: string | null;
  additionalInfo?: JobProgressInfo;
  resultFilePath?: string | null;
  /** Clears lease columns (on leaving Processing). */
  releaseLease?: boolean;
  now?: Date;
}

/**
 * One conditional UPDATE (compare-and-set on the current status and, for workers, the lease
 * token). Returns false when another writer got there first; the caller must not retry blindly.
 */
export async function updateJobStatus(db: Db, id: string, change: StatusChange): Promise<boolean> {
  const { from, to } = change;
  if (!canTransition(from, to)) throw new Error(`Illegal job transition ${from} → ${to}`);
  const now = change.now ?? new Date();
  const finished = (FINISHED_STATUSES as readonly string[]).includes(to);

  const { count } = await db.amrJob.updateMany({
    where: {
      id,
      status: from,
      ...(change.leaseToken !== undefined ? { leaseToken: change.leaseToken } : {}),
      // Progress never goes down, even through a status change.
      ...(change.progress !== undefined ? { progress: { lte: change.progress } } : {}),
    },
    data: {
      status: to,
      ...(change.progress !== undefined ? { progress: change.progress } : {}),
      ...(change.error !== undefined ? { error: change.error } : {}),
      ...(change.additionalInfo !== undefined ? { additionalInfo: JSON.stringify(change.additionalInfo) } : {}),
      ...(change.resultFilePath !== undefined ? { resultFilePath: change.resultFilePath } : {}),
      ...(to === "Processing" ? { startedAt: now } : {}),
      ...(finished ? { completedAt: now } : {}),
      ...(to === "Archived" ? { archivedAt: now } : {}),
      ...(change.releaseLease || to !== "Processing" ? { leaseOwner: null, leaseToken: null, leaseExpiresAt: null } : {}),
      version: { increment: 1 },
      updatedAt: now,
    },
  });
  return count === 1;
}

/** Progress while Processing: monotonic and fenced. Returns false when the write was refused. */
export async function updateJobProgress(
  db: Db,
  id: string,
  update: { leaseToken: string; progress: number; additionalInfo?: JobProgressInfo; now?: Date },
): Promise<boolean> {
  const progress = Math.max(0, Math.min(100, update.progress));
  const { count } = await db.amrJob.updateMany({
    where: { id, status: "Processing", leaseToken: update.leaseToken, progress: { lte: progress } },
    data: {
      progress,
      ...(update.additionalInfo !== undefined ? { additionalInfo: JSON.stringify(update.additionalInfo) } : {}),
      version: { increment: 1 },
      updatedAt: update.now ?? new Date(),
    },
  });
  return count === 1;
}
