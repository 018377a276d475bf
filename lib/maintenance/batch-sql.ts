import type { Db } from "@/lib/db";
import { sqlTime } from "@/lib/jobs/sql-time";
import { storageKeys } from "@/lib/storage";

export interface VersionedRow {
  id: string;
  version: number;
}

const FINISHED = "('Completed', 'Error', 'Cancelled')";
const TERMINAL = "('Completed', 'Error', 'Cancelled', 'Archived')";
const values = (n: number, width: number) => Array.from({ length: n }, () => `(${Array(width).fill("?").join(", ")})`).join(", ");

/**
 * Marks a batch Archived in one statement (one implicit transaction, ≤ 500 rows). Each row is
 * compare-and-set on the id and version read: a row changed since (by anyone) is left alone.
 * Returns the ids that were archived.
 */
export async function markArchivedSql(db: Db, rows: readonly VersionedRow[], now: Date, keepInput: boolean): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const t = sqlTime(now);
  const out = await db.$queryRawUnsafe<{ id: string }[]>(
    `WITH batch(id, version, archive_path) AS (VALUES ${values(rows.length, 3)})
     UPDATE amr_jobs
        SET status = 'Archived', archived_at = ?, updated_at = ?, version = amr_jobs.version + 1,
            result_file_path = CASE WHEN amr_jobs.result_file_path IS NULL THEN NULL ELSE batch.archive_path END,
            input_file_path = CASE WHEN ? THEN amr_jobs.input_file_path ELSE NULL END,
            lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL
       FROM batch
      WHERE amr_jobs.id = batch.id AND amr_jobs.version = batch.version AND amr_jobs.status IN ${FINISHED}
     RETURNING amr_jobs.id AS id`,
    ...rows.flatMap((r) => [r.id, r.version, storageKeys.archive(r.id)]),
    t,
    t,
    keepInput ? 1 : 0,
  );
  return new Set(out.map((r) => r.id));
}

/** Deletes a batch of rows (params cascade) in one statement, each conditional on its version. */
export async function deleteRowsSql(db: Db, rows: readonly VersionedRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const out = await db.$queryRawUnsafe<{ id: string }[]>(
    `DELETE FROM amr_jobs WHERE status IN ${TERMINAL} AND (id, version) IN (VALUES ${values(rows.length, 2)}) RETURNING id`,
    ...rows.flatMap((r) => [r.id, r.version]),
  );
  return new Set(out.map((r) => r.id));
}

/** Parallel file operations per batch: enough to hide filesystem latency, few enough not to flood it. */
export const FILE_CONCURRENCY = 16;

/** Runs `fn` over items with at most `limit` in flight: file deletes are I/O-bound and independent. */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
