import type { JobStatus } from "@/lib/jobs/status";
import type { RetentionPolicy } from "./policy";

/** What retention needs of a job; rows, DTO inputs and test fixtures all fit. */
export interface RetentionJob {
  status: string;
  createdAt: Date;
  completedAt: Date | null;
  archivedAt: Date | null;
}

export interface RetentionDates {
  /** When maintenance archives it; null when it never will (live, archived, or purged first). */
  archiveAt: Date | null;
  /** When maintenance deletes it in its current state; null while it is live. */
  purgeAt: Date | null;
}

export type RetentionAction = "archive" | "purge" | "none";

const DAY_MS = 86_400_000;
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);

/**
 * The job's dates under the policy. A finished job without completed_at (never written by the
 * worker, but rows can be edited by hand) counts from creation so it is not kept forever.
 */
export function retentionDates(job: RetentionJob, policy: RetentionPolicy): RetentionDates {
  const status = job.status as JobStatus;
  if (status === "Archived") {
    return { archiveAt: null, purgeAt: plusDays(job.archivedAt ?? job.completedAt ?? job.createdAt, policy.purgeAfterDays.Archived) };
  }
  if (status !== "Completed" && status !== "Error" && status !== "Cancelled") return { archiveAt: null, purgeAt: null };
  const base = job.completedAt ?? job.createdAt;
  const purgeAt = plusDays(base, policy.purgeAfterDays[status]);
  const archiveDays = policy.archiveAfterDays[status];
  const archiveAt = archiveDays === null ? null : plusDays(base, archiveDays);
  // Archiving something due for deletion the same moment or earlier is wasted work.
  return { archiveAt: archiveAt && archiveAt < purgeAt ? archiveAt : null, purgeAt };
}

/** Exactly at a threshold counts as due: "after 7 days" is met at 7 days 0 ms. */
export function retentionAction(job: RetentionJob, now: Date, policy: RetentionPolicy): RetentionAction {
  const { archiveAt, purgeAt } = retentionDates(job, policy);
  if (purgeAt && purgeAt <= now) return "purge";
  if (archiveAt && archiveAt <= now) return "archive";
  return "none";
}

export function selectArchivable<J extends RetentionJob>(jobs: readonly J[], now: Date, policy: RetentionPolicy): J[] {
  return jobs.filter((j) => retentionAction(j, now, policy) === "archive");
}

export function selectPurgeable<J extends RetentionJob>(jobs: readonly J[], now: Date, policy: RetentionPolicy): J[] {
  return jobs.filter((j) => retentionAction(j, now, policy) === "purge");
}

/**
 * What a user is told: when the job will be archived and when it will be gone, assuming
 * maintenance runs on time (an archived job then follows Archived's period).
 */
export function projectedRetention(job: RetentionJob, policy: RetentionPolicy): { archiveAt: Date | null; deleteAt: Date | null } {
  const { archiveAt, purgeAt } = retentionDates(job, policy);
  return { archiveAt, deleteAt: archiveAt ? plusDays(archiveAt, policy.purgeAfterDays.Archived) : purgeAt };
}

/** The oldest completion (or archive) time that could be due now: the SQL pre-filter's bound. */
export function candidateCutoff(status: "Completed" | "Error" | "Cancelled" | "Archived", now: Date, policy: RetentionPolicy): Date {
  if (status === "Archived") return plusDays(now, -policy.purgeAfterDays.Archived);
  const archive = policy.archiveAfterDays[status];
  const soonest = Math.min(policy.purgeAfterDays[status], archive ?? Infinity);
  return plusDays(now, -soonest);
}

export function isStaleSubmitted(job: { status: string; createdAt: Date }, now: Date, policy: RetentionPolicy): boolean {
  return job.status === "Submitted" && job.createdAt.getTime() + policy.staleSubmittedHours * 3_600_000 <= now.getTime();
}

export function staleSubmittedCutoff(now: Date, policy: RetentionPolicy): Date {
  return new Date(now.getTime() - policy.staleSubmittedHours * 3_600_000);
}

export function staleLeaseCutoff(now: Date, policy: RetentionPolicy): Date {
  return new Date(now.getTime() - policy.staleLeaseGraceMinutes * 60_000);
}
