import { utimesSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { listAll } from "@/lib/storage";
import { withTestDbAndStorage, type TempStorage } from "../helpers/jobs";
import { seedUser, type TestDb } from "../helpers/test-db";
import { daysAgo, runAt, seedJob } from "./maintenance-fixtures";

// The reconciler's cost per run is bounded (LIST pages per area, HEADs for rows), whatever the
// store holds; a full pass takes several runs, each resuming where the last one stopped.
let t: TestDb;
let s: TempStorage;
withTestDbAndStorage((db, storage) => {
  t = db;
  s = storage;
});

describe("incremental reconciliation", () => {
  it("lists at most its page budget per area per run, resumes from its cursor, and finishes the pass over later runs", async () => {
    const user = await seedUser(t.db);
    const kept = await seedJob(t.db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(1) });
    const orphans = Array.from({ length: 23 }, (_, i) => `inputs/00000000-0000-4000-8000-${String(i).padStart(12, "0")}.fa`);
    for (const key of orphans) {
      await s.storage.put(key, ">c\nACGT\n");
      utimesSync(path.join(s.dir, key), daysAgo(3), daysAgo(3));
    }
    const list = vi.spyOn(s.storage, "list");
    const budget = { listPages: 2, pageSize: 5, rowChecks: 1 };
    const removedPerRun: number[] = [];
    for (let run = 0; run < 4; run++) {
      list.mockClear();
      removedPerRun.push((await runAt(t.db, s.storage, { reconcile: budget })).orphansRemoved);
      const inputsCalls = list.mock.calls.filter(([prefix]) => prefix === "inputs/");
      expect(inputsCalls.length).toBeLessThanOrEqual(2);
      for (const [, opts] of inputsCalls) expect(opts?.limit).toBe(5);
    }
    // 24 keys under inputs/ (23 orphans + the live job's genome), 10 looked at per run.
    expect(removedPerRun.slice(0, 2)).toEqual([10, 10]);
    expect(removedPerRun.reduce((a, b) => a + b, 0)).toBe(23);
    expect((await listAll(s.storage, "inputs/")).map((o) => o.key)).toEqual([kept.inputKey]);
    expect(await t.db.maintenanceCursor.findUnique({ where: { name: "files:inputs/" } })).toBeTruthy();
  });

  it("checks at most its row budget for missing files per run, then carries on from there", async () => {
    const user = await seedUser(t.db);
    const jobs = [];
    for (let i = 0; i < 5; i++) jobs.push(await seedJob(t.db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(1) }));
    for (const j of jobs) await s.storage.delete(j.inputKey!);
    const head = vi.spyOn(s.storage, "head");
    const found: number[] = [];
    for (let run = 0; run < 3; run++) {
      head.mockClear();
      found.push((await runAt(t.db, s.storage, { reconcile: { listPages: 1, pageSize: 100, rowChecks: 2 } })).missingFiles);
      expect(head.mock.calls.length).toBeLessThanOrEqual(2 * 2);
    }
    expect(found).toEqual([2, 2, 1]);
  });
});
