// PostgreSQL's statements, the twins of lib/db/sqlite/statements.ts. `COALESCE(:now, now())` is
// the database's clock unless a test passes a time. Claims and sweeps pick rows with
// FOR UPDATE SKIP LOCKED, so concurrent workers never wait on each other's rows.
import { JOB_COLUMNS, PARAM_COLUMNS } from "../job-columns";

const NOW = "COALESCE(:now::timestamptz, now())";
const PLUS_MS = (p: string) => `(${p}::float8 * interval '1 millisecond')`;

export const NOW_SQL = "SELECT now() AS now";

export const CONNECTION_SETTINGS_SQL = "SELECT current_setting('synchronous_commit') AS synchronous_commit, current_setting('fsync') AS fsync";

export const AUTH_STATE_SQL = `SELECT id, username, role, session_version AS "sessionVersion", disabled_at AS "disabledAt" FROM users WHERE id = :userId`;

export const JOB_WITH_PARAMS_SQL = `SELECT ${[
  ...Object.entries(JOB_COLUMNS).map(([k, c]) => `j.${c} AS "${k}"`),
  ...Object.entries(PARAM_COLUMNS).map(([k, c]) => `p.${c} AS "p_${k}"`),
].join(", ")}
FROM amr_jobs j LEFT JOIN amr_job_params p ON p.job_id = j.id
WHERE j.id = :id AND j.user_id = :userId`;

// No read before the claim, unlike SQLite: an UPDATE that matches no row locks nothing here, and
// SKIP LOCKED keeps concurrent claims from waiting on each other.
export const CLAIM_SQL = `
UPDATE amr_jobs
   SET status = 'Processing', lease_owner = :owner, lease_token = :token,
       lease_expires_at = ${NOW} + ${PLUS_MS(":leaseMs")},
       attempts = attempts + 1, not_before = NULL, started_at = ${NOW}, updated_at = ${NOW}, version = version + 1
 WHERE id = (SELECT id FROM amr_jobs
              WHERE status = 'Submitted' AND NOT cancel_requested AND (not_before IS NULL OR not_before <= ${NOW})
              ORDER BY created_at, id LIMIT 1
              FOR UPDATE SKIP LOCKED)
RETURNING id, lease_token AS "leaseToken", attempts`;

export const RENEW_LEASE_SQL = `
UPDATE amr_jobs SET lease_expires_at = ${NOW} + ${PLUS_MS(":leaseMs")}
 WHERE id = :jobId AND status = 'Processing' AND lease_token = :token
RETURNING cancel_requested AS "cancelRequested"`;

const GIVE_UP = "(cancel_requested OR attempts >= :max::int)";

export const RECLAIM_SQL = `
UPDATE amr_jobs
   SET status = CASE WHEN cancel_requested THEN 'Cancelled'
                     WHEN attempts >= :max::int THEN 'Error' ELSE 'Submitted' END,
       error = CASE WHEN NOT cancel_requested AND attempts >= :max::int
                    THEN 'The analysis stopped responding ' || attempts || ' times (the worker running it died). It will not be retried; submit it again, and contact the operator if it keeps failing.'
                    ELSE error END,
       completed_at = CASE WHEN ${GIVE_UP} THEN ${NOW} ELSE completed_at END,
       progress = CASE WHEN ${GIVE_UP} THEN progress ELSE 0 END,
       started_at = CASE WHEN ${GIVE_UP} THEN started_at ELSE NULL END,
       lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
       version = version + 1, updated_at = ${NOW}
 WHERE id IN (SELECT id FROM amr_jobs WHERE status = 'Processing' AND lease_expires_at < ${NOW} FOR UPDATE SKIP LOCKED)
   AND status = 'Processing' AND lease_expires_at < ${NOW}
RETURNING id, status`;

function failStale(where: string): string {
  return `
UPDATE amr_jobs
   SET status = CASE WHEN cancel_requested THEN 'Cancelled' ELSE 'Error' END,
       error = CASE WHEN cancel_requested THEN error ELSE :message END,
       completed_at = ${NOW}, updated_at = ${NOW},
       lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
       version = version + 1
 WHERE id IN (SELECT id FROM amr_jobs WHERE ${where} LIMIT :limit FOR UPDATE SKIP LOCKED) AND ${where}
RETURNING id`;
}
export const FAIL_STALE_SUBMITTED_SQL = failStale("status = 'Submitted' AND created_at <= :cutoff::timestamptz");
export const FAIL_STALE_PROCESSING_SQL = failStale("status = 'Processing' AND lease_expires_at <= :cutoff::timestamptz");

const FINISHED = "('Completed', 'Error', 'Cancelled')";
const TERMINAL = "('Completed', 'Error', 'Cancelled', 'Archived')";

/** Compare-and-set on (id, version) per row; the batch arrives as three arrays. */
export const MARK_ARCHIVED_SQL = `
WITH batch AS (SELECT * FROM unnest(:ids::text[], :versions::int[], :keys::text[]) AS b(id, version, archive_path))
UPDATE amr_jobs
   SET status = 'Archived', archived_at = ${NOW}, updated_at = ${NOW}, version = amr_jobs.version + 1,
       result_file_path = CASE WHEN amr_jobs.result_file_path IS NULL THEN NULL ELSE batch.archive_path END,
       input_file_path = CASE WHEN :keep::boolean THEN amr_jobs.input_file_path ELSE NULL END,
       lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL
  FROM batch
 WHERE amr_jobs.id = batch.id AND amr_jobs.version = batch.version AND amr_jobs.status IN ${FINISHED}
RETURNING amr_jobs.id AS id`;

export const DELETE_FINISHED_SQL = `
DELETE FROM amr_jobs
 WHERE status IN ${TERMINAL}
   AND (id, version) IN (SELECT * FROM unnest(:ids::text[], :versions::int[]))
RETURNING id`;

const ACTIVE = "status IN ('Submitted', 'Processing')";
export const ACTIVE_JOBS_SQL = `SELECT count(*)::int AS n FROM amr_jobs WHERE user_id = :userId AND ${ACTIVE}`;

/**
 * Serialises a user's submissions: the row lock is held to the end of the transaction, and
 * under READ COMMITTED the count that follows it sees every insert committed before.
 */
export const LOCK_USER_SQL = "SELECT 1 FROM users WHERE id = :userId FOR UPDATE";

export const INSERT_JOB_WITHIN_QUOTA_SQL = `
INSERT INTO amr_jobs (id, user_id, job_name, status, progress, created_at, updated_at, input_file_path,
                      input_file_name, input_file_size, input_sha256, input_contigs, input_bases)
SELECT :id, :userId, :jobName, 'Submitted', 0, :createdAt::timestamptz, :createdAt::timestamptz, :inputFilePath,
       :inputFileName, :inputFileSize::int, :inputSha256, :inputContigs::int, :inputBases::int
 WHERE (SELECT count(*) FROM amr_jobs WHERE user_id = :userId AND ${ACTIVE}) < :max::bigint`;

/** Joins a new job to a collection, only if the collection belongs to the job's owner. */
export const INSERT_COLLECTION_MEMBER_SQL = `
INSERT INTO collection_jobs (collection_id, job_id, added_at)
SELECT id, :jobId, :addedAt::timestamptz FROM collections WHERE id = :collectionId AND user_id = :userId`;

export const TOUCH_COLLECTION_SQL = "UPDATE collections SET updated_at = :addedAt::timestamptz WHERE id = :collectionId";

export const INSERT_PARAMS_SQL = `
INSERT INTO amr_job_params (job_id, model_name, batch_size, segment_length, segment_overlap, use_cpu, min_identity, min_coverage)
VALUES (:jobId, :modelName, :batchSize::int, :segmentLength::int, :segmentOverlap::int, :useCpu::boolean, :minIdentity::float8, :minCoverage::float8)`;

export const NOTIFY_QUEUED_SQL = "SELECT pg_notify('amr_job_queued', '')";
export const QUEUE_CHANNEL = "amr_job_queued";

export const ACQUIRE_LOCK_SQL = `
INSERT INTO maintenance_locks (name, holder, acquired_at, expires_at) VALUES (:name, :holder, ${NOW}, ${NOW} + ${PLUS_MS(":ttlMs")})
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
 WHERE maintenance_locks.expires_at <= excluded.acquired_at
RETURNING holder`;

export const RENEW_LOCK_SQL = `UPDATE maintenance_locks SET expires_at = ${NOW} + ${PLUS_MS(":ttlMs")} WHERE name = :name AND holder = :holder`;

export const MIGRATIONS_TABLE_SQL = "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present";
export const APPLIED_MIGRATIONS_SQL = "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL";

export const WORKER_HEARTBEAT_SQL = `
INSERT INTO worker_heartbeats (owner, host, started_at, last_seen_at, resfinder_ok) VALUES (:owner, :host, now(), now(), :ok::boolean)
ON CONFLICT (owner) DO UPDATE SET last_seen_at = excluded.last_seen_at, resfinder_ok = excluded.resfinder_ok`;

/** One key's events are counted and appended under a transaction-scoped advisory lock on the key. */
export const RATE_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))";
export const RATE_EVENTS_SQL = "SELECT at FROM rate_limit_events WHERE key = :key AND at > :since::timestamptz ORDER BY at";
export const RATE_PRUNE_SQL = "DELETE FROM rate_limit_events WHERE key = :key AND at <= :since::timestamptz";
export const RATE_INSERT_SQL = "INSERT INTO rate_limit_events (key, at) VALUES (:key, :at::timestamptz) RETURNING id";

/** A collection's membership digest (lib/collections/matrix-service.ts): from collection_jobs by its primary key. */
export const COLLECTION_MEMBERS_DIGEST_SQL = `
SELECT count(*)::int AS members, coalesce(sum(j.version), 0)::float8 AS versions, coalesce(max(j.updated_at)::text, '') AS "lastUpdate"
  FROM collection_jobs cj JOIN amr_jobs j ON j.id = cj.job_id
 WHERE cj.collection_id = :collectionId`;
