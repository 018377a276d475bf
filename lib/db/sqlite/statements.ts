// SQLite's statements. Times are stored as Prisma's adapter writes them (ISO text with +00:00);
// NOW(p) is the given time or, when p is NULL, SQLite's own clock in the same text form.
import { JOB_COLUMNS, PARAM_COLUMNS } from "../job-columns";

const FMT = "'%Y-%m-%dT%H:%M:%f+00:00'";
const NOW = (p = ":now") => `strftime(${FMT}, COALESCE(${p}, 'now'))`;
const NOW_PLUS = (p: string, offset: string) => `strftime(${FMT}, COALESCE(${p}, 'now'), ${offset})`;

export const NOW_SQL = `SELECT ${NOW("NULL")} AS now`;

// PRAGMAs as table-valued functions: one read-only statement, values as SQLite holds them.
export const CONNECTION_SETTINGS_SQL = `SELECT (SELECT journal_mode FROM pragma_journal_mode()) AS journal_mode,
  (SELECT synchronous FROM pragma_synchronous()) AS synchronous,
  (SELECT timeout FROM pragma_busy_timeout()) AS busy_timeout,
  (SELECT foreign_keys FROM pragma_foreign_keys()) AS foreign_keys`;

export const AUTH_STATE_SQL = `SELECT id, username, role, session_version AS "sessionVersion", disabled_at AS "disabledAt" FROM users WHERE id = :userId`;

export const JOB_WITH_PARAMS_SQL = `SELECT ${[
  ...Object.entries(JOB_COLUMNS).map(([k, c]) => `j.${c} AS "${k}"`),
  ...Object.entries(PARAM_COLUMNS).map(([k, c]) => `p.${c} AS "p_${k}"`),
].join(", ")}
FROM amr_jobs j LEFT JOIN amr_job_params p ON p.job_id = j.id
WHERE j.id = :id AND j.user_id = :userId`;

const DATE_KEYS = new Set(["createdAt", "startedAt", "completedAt", "leaseExpiresAt", "notBefore", "archivedAt", "updatedAt"]);
const BOOL_KEYS = new Set(["cancelRequested", "p_useCpu"]);

/** better-sqlite3 hands back SQLite's storage types; Prisma's are Date and boolean. */
export function fromSqliteRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v == null) out[k] = v;
    else if (DATE_KEYS.has(k)) out[k] = new Date(v as string);
    else if (BOOL_KEYS.has(k)) out[k] = Boolean(v);
    else out[k] = v;
  }
  return out;
}

/** A queued job may be claimed: not cancelled, and its retry backoff (if any) is over. */
const CLAIMABLE = `status = 'Submitted' AND cancel_requested = 0 AND (not_before IS NULL OR not_before <= ${NOW()})`;

/** The read before a claim (see the port's claimNextJob). */
export const QUEUED_SQL = `SELECT 1 FROM amr_jobs WHERE ${CLAIMABLE} LIMIT 1`;

/** One statement: SQLite serialises writers, so two workers can never both win. */
export const CLAIM_SQL = `
UPDATE amr_jobs
   SET status = 'Processing', lease_owner = :owner, lease_token = :token,
       lease_expires_at = ${NOW_PLUS(":now", ":lease")},
       attempts = attempts + 1, not_before = NULL, started_at = ${NOW()}, updated_at = ${NOW()}, version = version + 1
 WHERE id = (SELECT id FROM amr_jobs
              WHERE ${CLAIMABLE}
              ORDER BY created_at, id LIMIT 1)
   AND status = 'Submitted'
RETURNING id, lease_token AS "leaseToken", attempts`;

export const RENEW_LEASE_SQL = `
UPDATE amr_jobs SET lease_expires_at = ${NOW_PLUS(":now", ":lease")}
 WHERE id = :jobId AND status = 'Processing' AND lease_token = :token
RETURNING cancel_requested AS "cancelRequested"`;

const GIVE_UP = "(cancel_requested = 1 OR attempts >= :max)";

/**
 * Jobs whose worker died (lease expired) go back to the queue, or to Error once they have used
 * their attempts. One statement: a worker renewing at the same moment either wins or loses whole.
 */
export const RECLAIM_SQL = `
UPDATE amr_jobs
   SET status = CASE WHEN cancel_requested = 1 THEN 'Cancelled'
                     WHEN attempts >= :max THEN 'Error' ELSE 'Submitted' END,
       error = CASE WHEN cancel_requested = 0 AND attempts >= :max
                    THEN 'The analysis stopped responding ' || attempts || ' times (the worker running it died). It will not be retried; submit it again, and contact the operator if it keeps failing.'
                    ELSE error END,
       completed_at = CASE WHEN ${GIVE_UP} THEN ${NOW()} ELSE completed_at END,
       progress = CASE WHEN ${GIVE_UP} THEN progress ELSE 0 END,
       started_at = CASE WHEN ${GIVE_UP} THEN started_at ELSE NULL END,
       lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
       version = version + 1, updated_at = ${NOW()}
 WHERE status = 'Processing' AND lease_expires_at < ${NOW()}
RETURNING id, status`;

/**
 * The inner SELECT picks up to :limit stale rows and the outer WHERE re-checks the condition, so a
 * job a worker claims or renews at the same moment is left alone. Cancel-requested jobs end
 * Cancelled instead.
 */
function failStale(where: string): string {
  return `
UPDATE amr_jobs
   SET status = CASE WHEN cancel_requested = 1 THEN 'Cancelled' ELSE 'Error' END,
       error = CASE WHEN cancel_requested = 1 THEN error ELSE :message END,
       completed_at = ${NOW()}, updated_at = ${NOW()},
       lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
       version = version + 1
 WHERE id IN (SELECT id FROM amr_jobs WHERE ${where} LIMIT :limit) AND ${where}
RETURNING id`;
}
export const FAIL_STALE_SUBMITTED_SQL = failStale("status = 'Submitted' AND created_at <= :cutoff");
export const FAIL_STALE_PROCESSING_SQL = failStale("status = 'Processing' AND lease_expires_at <= :cutoff");

const FINISHED = "('Completed', 'Error', 'Cancelled')";
const TERMINAL = "('Completed', 'Error', 'Cancelled', 'Archived')";

/**
 * A batch (≤ 500 rows, one implicit transaction) marked Archived, each row compare-and-set on
 * the id and version read: a row changed since (by anyone) is left alone. The batch arrives as
 * one JSON parameter, so the statement text is the same for every batch size.
 */
export const MARK_ARCHIVED_SQL = `
WITH batch AS (SELECT value ->> 'id' AS id, value ->> 'version' AS version, value ->> 'key' AS archive_path FROM json_each(:batch))
UPDATE amr_jobs
   SET status = 'Archived', archived_at = ${NOW()}, updated_at = ${NOW()}, version = amr_jobs.version + 1,
       result_file_path = CASE WHEN amr_jobs.result_file_path IS NULL THEN NULL ELSE batch.archive_path END,
       input_file_path = CASE WHEN :keep THEN amr_jobs.input_file_path ELSE NULL END,
       lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL
  FROM batch
 WHERE amr_jobs.id = batch.id AND amr_jobs.version = batch.version AND amr_jobs.status IN ${FINISHED}
RETURNING amr_jobs.id AS id`;

/** Deletes a batch of rows (params cascade), each conditional on its version. */
export const DELETE_FINISHED_SQL = `
DELETE FROM amr_jobs
 WHERE status IN ${TERMINAL}
   AND (id, version) IN (SELECT value ->> 'id', value ->> 'version' FROM json_each(:batch))
RETURNING id`;

const ACTIVE = "status IN ('Submitted', 'Processing')";
export const ACTIVE_JOBS_SQL = `SELECT count(*) AS n FROM amr_jobs WHERE user_id = :userId AND ${ACTIVE}`;

/** The quota and the insert in one statement, under the write lock of an IMMEDIATE transaction. */
export const INSERT_JOB_WITHIN_QUOTA_SQL = `
INSERT INTO amr_jobs (id, user_id, job_name, status, progress, created_at, updated_at, input_file_path,
                      input_file_name, input_file_size, input_sha256, input_contigs, input_bases)
SELECT :id, :userId, :jobName, 'Submitted', 0, :createdAt, :createdAt, :inputFilePath,
       :inputFileName, :inputFileSize, :inputSha256, :inputContigs, :inputBases
 WHERE (SELECT count(*) FROM amr_jobs WHERE user_id = :userId AND ${ACTIVE}) < :max`;

/** Joins a new job to a collection, only if the collection belongs to the job's owner. */
export const INSERT_COLLECTION_MEMBER_SQL = `
INSERT INTO collection_jobs (collection_id, job_id, added_at)
SELECT id, :jobId, :addedAt FROM collections WHERE id = :collectionId AND user_id = :userId`;

export const TOUCH_COLLECTION_SQL = "UPDATE collections SET updated_at = :addedAt WHERE id = :collectionId";

export const INSERT_PARAMS_SQL = `
INSERT INTO amr_job_params (job_id, model_name, batch_size, segment_length, segment_overlap, use_cpu, min_identity, min_coverage)
VALUES (:jobId, :modelName, :batchSize, :segmentLength, :segmentOverlap, :useCpu, :minIdentity, :minCoverage)`;

/**
 * Takes the named lease in one statement: insert, or overwrite only a holder whose lease has
 * expired (a crashed run). Racing runs are serialised by SQLite; one gets the row back.
 */
export const ACQUIRE_LOCK_SQL = `
INSERT INTO maintenance_locks (name, holder, acquired_at, expires_at) VALUES (:name, :holder, ${NOW()}, ${NOW_PLUS(":now", ":ttl")})
ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
 WHERE maintenance_locks.expires_at <= excluded.acquired_at
RETURNING holder`;

export const RENEW_LOCK_SQL = `UPDATE maintenance_locks SET expires_at = ${NOW_PLUS(":now", ":ttl")} WHERE name = :name AND holder = :holder`;

export const MIGRATIONS_TABLE_SQL = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'";
export const APPLIED_MIGRATIONS_SQL = "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL";

export const WORKER_HEARTBEAT_SQL = `
INSERT INTO worker_heartbeats (owner, host, started_at, last_seen_at, resfinder_ok) VALUES (:owner, :host, ${NOW("NULL")}, ${NOW("NULL")}, :ok)
ON CONFLICT(owner) DO UPDATE SET last_seen_at = excluded.last_seen_at, resfinder_ok = excluded.resfinder_ok`;

export const RATE_EVENTS_SQL = `SELECT at FROM rate_limit_events WHERE key = :key AND at > :since ORDER BY at`;
export const RATE_PRUNE_SQL = `DELETE FROM rate_limit_events WHERE key = :key AND at <= :since`;
export const RATE_INSERT_SQL = `INSERT INTO rate_limit_events (key, at) VALUES (:key, :at)`;

/** A collection's membership digest (lib/collections/matrix-service.ts): from collection_jobs by its primary key. */
export const COLLECTION_MEMBERS_DIGEST_SQL = `
SELECT count(*) AS members, coalesce(sum(j.version), 0) AS versions, coalesce(max(j.updated_at), '') AS "lastUpdate"
  FROM collection_jobs cj JOIN amr_jobs j ON j.id = cj.job_id
 WHERE cj.collection_id = :collectionId`;
