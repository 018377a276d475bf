import { describe, expect, it, vi } from "vitest";
import { sqlOf } from "@/lib/db";
import { seedBulkJobs } from "../helpers/bulk-jobs";
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

describe("20 000 eligible jobs (CR5)", () => {
  it("are processed in transactions of at most 500 rows", async () => {
    const user = await seedUser(t.db);
    await seedBulkJobs(onPostgres ? { url: t.url } : { file: t.file }, user.id, [
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
