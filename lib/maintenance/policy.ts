import { z } from "zod";
import { getEnv, type Env } from "@/lib/env";

const days = z.number().min(0).max(3650);

/**
 * How long jobs live, per status. Ages count from `completed_at` for finished jobs and from
 * `archived_at` for archived ones. Archiving happens only when it comes before the purge date of
 * the job's status (Cancelled: 7 and 7, so cancelled jobs are purged, never archived).
 */
export const retentionPolicySchema = z.object({
  archiveAfterDays: z.object({ Completed: days.nullable(), Error: days.nullable(), Cancelled: days.nullable() }),
  purgeAfterDays: z.object({ Completed: days, Error: days, Cancelled: days, Archived: days }),
  /** Submitted this long without a worker picking it up: failed with a message. */
  staleSubmittedHours: z.number().positive(),
  /** Processing with a lease expired this long: no worker is sweeping, so it is failed. */
  staleLeaseGraceMinutes: z.number().positive(),
  /** A file no row refers to is deleted only once it is this old (uploads in flight are younger). */
  orphanGraceHours: z.number().positive(),
  /** Keep the uploaded genome of archived jobs (off: deleted at archive time). */
  keepInputOnArchive: z.boolean(),
});

export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = {
  archiveAfterDays: { Completed: 7, Error: 7, Cancelled: 7 },
  purgeAfterDays: { Completed: 30, Error: 14, Cancelled: 7, Archived: 90 },
  staleSubmittedHours: 48,
  staleLeaseGraceMinutes: 10,
  orphanGraceHours: 24,
  keepInputOnArchive: false,
};

/** The policy the environment asks for (every variable is validated in lib/env). */
export function policyFromEnv(env: Env): RetentionPolicy {
  const archive = env.RETENTION_ARCHIVE_AFTER_DAYS;
  return retentionPolicySchema.parse({
    ...DEFAULT_RETENTION_POLICY,
    archiveAfterDays: { Completed: archive, Error: archive, Cancelled: archive },
    purgeAfterDays: {
      Completed: env.RETENTION_PURGE_COMPLETED_DAYS,
      Error: env.RETENTION_PURGE_ERROR_DAYS,
      Cancelled: env.RETENTION_PURGE_CANCELLED_DAYS,
      Archived: env.RETENTION_PURGE_ARCHIVED_DAYS,
    },
    staleSubmittedHours: env.RETENTION_STALE_SUBMITTED_HOURS,
    orphanGraceHours: env.RETENTION_ORPHAN_GRACE_HOURS,
    keepInputOnArchive: env.ARCHIVE_KEEP_INPUT,
  });
}

const computed = new WeakMap<Env, RetentionPolicy>();

/**
 * The configured policy (the job DTOs show users their jobs' dates from it). Parsed once per
 * configuration, not per poll and per list row: getEnv() returns the same object until reset.
 */
export function retentionPolicy(): RetentionPolicy {
  const env = getEnv();
  let policy = computed.get(env);
  if (!policy) computed.set(env, (policy = policyFromEnv(env)));
  return policy;
}
