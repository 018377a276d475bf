import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import pg from "pg";
import { sqlOf } from "@/lib/db";
import { sqliteTime } from "@/lib/db/sqlite/sqlite-port";
import { onPostgres } from "../helpers/test-dialect";
import { withTestDbAndStorage, type TempStorage } from "../helpers/jobs";
import { seedUser, type TestDb } from "../helpers/test-db";
import { daysAgo, runAt, seedJob } from "./maintenance-fixtures";

let t: TestDb;
let s: TempStorage;
withTestDbAndStorage((db, storage) => {
  t = db;
  s = storage;
});

type Bulk = { status: string; completedAt: Date; count: number }[];

/** Raw inserts in one transaction: seeding 20 000 rows through Prisma would dominate the test. */
async function seedRows(db: TestDb, userId: string, rows: Bulk) {
  if (onPostgres) return seedRowsPostgres(db.url, userId, rows);
  const file = db.file;
  const raw = new Database(file);
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

async function seedRowsPostgres(url: string, userId: string, rows: Bulk) {
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

describe("20 000 eligible jobs (CR5)", () => {
  it("are processed in transactions of at most 500 rows", async () => {
    const user = await seedUser(t.db);
    await seedRows(t, user.id, [
      { status: "Error", completedAt: daysAgo(8), count: 10_000 },
      { status: "Completed", completedAt: daysAgo(31), count: 9_800 },
    ]);
    for (let i = 0; i < 200; i++) await seedJob(t.db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(9) });
    expect(await t.db.amrJob.count()).toBe(20_000);

    // Every batch write is one statement (its own transaction): record how many rows each changed.
    const rowsPerWrite: number[] = [];
    const port = sqlOf(t.db);
    for (const method of ["markArchived", "deleteFinished"] as const) {
      const original = port[method].bind(port) as (...a: unknown[]) => Promise<Set<string>>;
      vi.spyOn(port, method).mockImplementation((async (...args: unknown[]) => {
        const done = await original(...args);
        rowsPerWrite.push(done.size);
        return done;
      }) as never);
    }
    const result = await runAt(t.db, s.storage);

    expect(result).toMatchObject({ archived: 10_200, purged: 9_800, skipped: false });
    expect(await t.db.amrJob.count({ where: { status: "Archived" } })).toBe(10_200);
    expect(await t.db.amrJob.count()).toBe(10_200);
    expect(Math.max(...rowsPerWrite)).toBeLessThanOrEqual(500);
    expect(rowsPerWrite.reduce((a, b) => a + b, 0)).toBe(20_000);
    // Time and memory for this run are figures of `npm run bench:timing`, not assertions here.
  }, 120_000);
});
