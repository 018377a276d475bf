import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FAIL_POINTS, InjectedFailure } from "@/lib/maintenance/fail-points";
import { filesUnder, withTestDbAndStorage, type TempStorage } from "../helpers/jobs";
import type { TestDb } from "../helpers/test-db";
import { ORPHAN_KEY, runAt, seedMaintenanceWorld, type MaintenanceWorld } from "./maintenance-fixtures";

let t: TestDb;
let s: TempStorage;
withTestDbAndStorage((db, storage) => {
  t = db;
  s = storage;
});

const seedWorld = () => seedMaintenanceWorld(t.db, s.storage);

async function expectConverged(world: MaintenanceWorld) {
  const rows = new Map((await t.db.amrJob.findMany()).map((r) => [r.id, r]));
  expect(rows.size).toBe(2 + world.toArchive.length);
  expect(rows.get(world.stale.id)?.status).toBe("Error");
  expect(rows.get(world.young.id)?.status).toBe("Completed");
  for (const job of world.toPurge) expect(rows.has(job.id)).toBe(false);
  const files = filesUnder(s.dir);
  for (const job of world.toArchive) {
    expect(rows.get(job.id)?.status).toBe("Archived");
    // Exactly the archive: originals and genome gone, every gzip inflating to the original bytes.
    expect(files.filter((f) => f.includes(job.id)).sort()).toEqual(
      ["genes.tsv.gz", "manifest.json", "phenotypes.tsv.gz", "result.json.gz"].map((n) => `archive/${job.id}/${n}`),
    );
    for (const [name, bytes] of Object.entries(job.results)) {
      expect(gunzipSync(readFileSync(path.join(s.dir, "archive", job.id, `${name}.gz`))).equals(bytes)).toBe(true);
    }
  }
  for (const job of world.toPurge) expect(files.filter((f) => f.includes(job.id))).toEqual([]);
  // The orphan by its exact key: a random job id may contain "dead" too (it did, once, in CI).
  expect(files.filter((f) => f === ORPHAN_KEY || f.startsWith("tmp/"))).toEqual([]);
  // Converged means a further run has nothing left to do.
  expect(await runAt(t.db, s.storage, { batchSize: 2 })).toMatchObject({ archived: 0, purged: 0, failedStale: 0, orphansRemoved: 0, missingFiles: 0 });
}

describe("crash at each step, then rerun (CR3, CR4)", () => {
  it("a clean run reaches the expected state", async () => {
    const world = await seedWorld();
    expect(await runAt(t.db, s.storage, { batchSize: 2 })).toMatchObject({ archived: 3, purged: 3, failedStale: 1, orphansRemoved: 1 });
    await expectConverged(world);
  });

  it.each(FAIL_POINTS)("after %s: the run fails, is recorded as failed, releases its lease, and a rerun converges", async (point) => {
    const world = await seedWorld();
    await expect(runAt(t.db, s.storage, { batchSize: 2, failAt: point })).rejects.toBeInstanceOf(InjectedFailure);
    const failed = await t.db.maintenanceRun.findFirstOrThrow();
    expect(failed).toMatchObject({ status: "failed", error: `Injected failure after ${point}` });
    expect(await t.db.maintenanceLock.count()).toBe(0);
    // Invariant between any two steps: no archived job without a verified archive, no row deleted before its files.
    for (const row of await t.db.amrJob.findMany({ where: { status: "Archived" } })) {
      expect(filesUnder(s.dir)).toContain(`archive/${row.id}/manifest.json`);
    }
    const rerun = await runAt(t.db, s.storage, { batchSize: 2 });
    expect(rerun.skipped).toBe(false);
    await expectConverged(world);
  });
});
