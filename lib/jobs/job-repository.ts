import { randomUUID } from "node:crypto";
import { sqlOf, type Db } from "@/lib/db";
import type { VersionedRow } from "@/lib/db/port";
import { AppError } from "@/lib/errors";
import { canTransition, FINISHED_STATUSES, type JobStatus } from "./status";
import type { JobProgressInfo, NewJob } from "./types";

// The job state machine: every status transition a job can make is written here and nowhere
// else (claim, renew, release, reclaim, fail-stale, cancel, complete/fail, archive, delete).
// Each is one conditional statement, compare-and-set on the state it expects, so concurrent
// writers — workers, maintenance, users — on any number of machines never both win.
// `now` parameters exist for tests; in production leases and cutoffs use the database's clock.

export interface Claim {
  jobId: string;
  leaseToken: string;
  attempts: number;
}

export interface LeaseState {
  held: boolean;
  cancelRequested: boolean;
}

// --- Submission ------------------------------------------------------------------------------

/**
 * Inserts the job and its parameters, or refuses with 429 when the user already has `maxActive`
 * jobs queued or running. The check and the insert are one atomic step on both databases.
 */
export async function insertJob(db: Db, job: NewJob, maxActive = Number.MAX_SAFE_INTEGER) {
  const id = job.id ?? randomUUID();
  const sql = sqlOf(db);
  const createdAt = job.createdAt ?? new Date();
  const { inserted, active, collectionMissing } = await sql.insertJobWithinQuota(
    {
      id,
      userId: job.userId,
      jobName: job.jobName,
      createdAt,
      inputFilePath: job.inputFilePath ?? null,
      inputFileName: job.input?.fileName ?? null,
      inputFileSize: job.input?.sizeBytes ?? null,
      inputSha256: job.input?.sha256 ?? null,
      inputContigs: job.input?.contigs ?? null,
      inputBases: job.input?.bases ?? null,
      params: { ...job.params },
      collectionId: job.collectionId ?? null,
    },
    maxActive,
  );
  if (collectionMissing) throw new AppError("not_found", "Collection not found.");
  if (!inserted) throw queueFullError(active, maxActive);
  await sql.notifyJobQueued();
  return (await db.amrJob.findUniqueOrThrow({ where: { id }, include: { params: true } }))!;
}

export function queueFullError(active: number, max: number): AppError {
  return new AppError("rate_limited", `You already have ${active} jobs queued or running (limit ${max}). Wait for some to finish.`, {
    headers: { "Retry-After": "60" },
  });
}

// --- Workers ---------------------------------------------------------------------------------

/** Takes the oldest Submitted job and leases it to `owner` for leaseMs. */
export async function claimNextJob(db: Db, owner: string, opts: { leaseMs: number; now?: Date }): Promise<Claim | null> {
  const row = await sqlOf(db).claimNextJob(owner, randomUUID(), opts.leaseMs, opts.now);
  return row ? { jobId: row.id, leaseToken: row.leaseToken, attempts: Number(row.attempts) } : null;
}

/** Extends the lease and reports whether a cancel was requested; held=false means it was lost. */
export async function renewLease(db: Db, jobId: string, leaseToken: string, leaseMs: number, now?: Date): Promise<LeaseState> {
  const row = await sqlOf(db).renewLease(jobId, leaseToken, leaseMs, now);
  return { held: Boolean(row), cancelRequested: Boolean(row?.cancelRequested) };
}

/** A cheap read for the cancel flag between heartbeats (a user waits for this one). */
export async function readLease(db: Db, jobId: string, leaseToken: string): Promise<LeaseState> {
  const row = await db.amrJob.findFirst({ where: { id: jobId, status: "Processing", leaseToken }, select: { cancelRequested: true } });
  return { held: Boolean(row), cancelRequested: Boolean(row?.cancelRequested) };
}

/** Graceful shutdown: hand the job back untouched (the attempt does not count). */
export async function releaseJob(db: Db, jobId: string, leaseToken: string, now = new Date()): Promise<boolean> {
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
  if (count === 1) await sqlOf(db).notifyJobQueued();
  return count === 1;
}

/**
 * A transient failure: the job goes back to the queue, not to be claimed before `delayMs` from
 * now (the database's clock unless a test passes one). The attempt counts; the caller sends the
 * job to Error instead once attempts are used up. `error` tells the user why it waits.
 */
export async function retryJobLater(db: Db, jobId: string, leaseToken: string, opts: { delayMs: number; error: string; now?: Date }): Promise<boolean> {
  const base = opts.now ?? (await sqlOf(db).now());
  const { count } = await db.amrJob.updateMany({
    where: { id: jobId, status: "Processing", leaseToken },
    data: {
      status: "Submitted",
      progress: 0,
      error: opts.error,
      additionalInfo: JSON.stringify({ phase: "retrying" }),
      notBefore: new Date(base.getTime() + opts.delayMs),
      leaseOwner: null,
      leaseToken: null,
      leaseExpiresAt: null,
      startedAt: null,
      version: { increment: 1 },
      updatedAt: base,
    },
  });
  return count === 1;
}

/**
 * Jobs whose worker died (lease expired) go back to the queue, or to Error once they have used
 * their attempts (Cancelled if a cancel was pending).
 */
export async function reclaimExpiredLeases(db: Db, now: Date | undefined, maxAttempts: number) {
  const rows = await sqlOf(db).reclaimExpiredLeases(maxAttempts, now);
  if (rows.some((r) => r.status === "Submitted")) await sqlOf(db).notifyJobQueued();
  return rows;
}

// --- Status changes ----------------------------------------------------------------------------

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

/** Flags a job (of this user) so its worker stops; true when the flag was set. */
export async function requestCancel(db: Db, userId: string, id: string, statuses: JobStatus[], now = new Date()): Promise<boolean> {
  const { count } = await db.amrJob.updateMany({
    where: { id, userId, status: { in: statuses } },
    data: { cancelRequested: true, version: { increment: 1 }, updatedAt: now },
  });
  return count === 1;
}

// --- Maintenance ---------------------------------------------------------------------------------

/** Up to `limit` jobs queued or leased past `cutoff`, failed (Cancelled if a cancel was pending). */
export function failStaleBatch(db: Db, kind: "submitted" | "processing", cutoff: Date, message: string, limit: number, now?: Date) {
  return sqlOf(db).failStaleJobs(kind, cutoff, message, limit, now);
}

/** A batch marked Archived, each row only if its version is still the one read. */
export function markArchived(db: Db, rows: readonly (VersionedRow & { archiveKey: string })[], keepInput: boolean, now?: Date) {
  return sqlOf(db).markArchived(rows, keepInput, now);
}

/** A batch of finished rows deleted (params cascade), each only if its version is still the one read. */
export function deleteFinishedRows(db: Db, rows: readonly VersionedRow[]) {
  return sqlOf(db).deleteFinished(rows);
}

/** A user's job row removed (after its files). */
export async function deleteJobRow(db: Db, userId: string, id: string): Promise<void> {
  await db.amrJob.deleteMany({ where: { id, userId } });
}
