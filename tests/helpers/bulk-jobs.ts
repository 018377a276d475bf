// Many finished job rows at once, by raw inserts in one transaction: seeding tens of thousands of
// rows through Prisma would dominate a test or a benchmark. No vitest import: scripts use it too.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteTime } from "@/lib/db/sqlite/sqlite-port";

export type BulkJobs = { status: string; completedAt: Date; count: number }[];

/** Rows of `userId` with these statuses, finished a second apart going back from `completedAt`. */
export async function seedBulkJobs(target: { file: string } | { url: string }, userId: string, rows: BulkJobs): Promise<void> {
  if ("url" in target) return seedPostgres(target.url, userId, rows);
  const raw = new Database(target.file);
  try {
    const insert = raw.prepare(
      `INSERT INTO amr_jobs (id, user_id, job_name, status, progress, created_at, completed_at, error, input_file_path, attempts, cancel_requested, version, updated_at)
       VALUES (?, ?, 'bulk', ?, 100, ?, ?, ?, ?, 1, 0, 3, ?)`,
    );
    raw.transaction(() => {
      for (const r of rows) {
        for (let i = 0; i < r.count; i++) {
          const id = randomUUID();
          const done = sqliteTime(new Date(r.completedAt.getTime() - i * 1000));
          insert.run(id, userId, r.status, done, done, r.status === "Error" ? "failed" : null, `inputs/${id}.fa`, done);
        }
      }
    })();
  } finally {
    raw.close();
  }
}

async function seedPostgres(url: string, userId: string, rows: BulkJobs): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const r of rows) {
      const ids = Array.from({ length: r.count }, () => randomUUID());
      const done = ids.map((_, i) => new Date(r.completedAt.getTime() - i * 1000));
      await client.query(
        `INSERT INTO amr_jobs (id, user_id, job_name, status, progress, created_at, completed_at, error, input_file_path, attempts, cancel_requested, version, updated_at)
         SELECT id, $1, 'bulk', $2, 100, done, done, $3, 'inputs/' || id || '.fa', 1, false, 3, done
           FROM unnest($4::text[], $5::timestamptz[]) AS b(id, done)`,
        [userId, r.status, r.status === "Error" ? "failed" : null, ids, done],
      );
    }
  } finally {
    await client.end();
  }
}
