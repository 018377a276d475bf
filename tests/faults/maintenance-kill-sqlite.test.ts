// CR3/CR4 with a real crash: `npm run maintenance` (scripts/maintenance.ts) SIGKILLs itself at
// each named step of stale-failing, purge, archive and reconcile (AMR_FAILPOINT). Whatever the
// step, an Archived job has a complete archive (`gzip -t` passes, checksums match), a rerun
// converges, and after the grace period no row lacks its files and no file lacks its row.
// SQLite only: this is one process against its files, not processes racing each other
// (tests/integration/maintenance-crash.test.ts covers the same steps in-process on both dialects).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, utimesSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it, type TestContext } from "vitest";
import { FAIL_POINTS } from "@/lib/maintenance/fail-points";
import { DEFAULT_RETENTION_POLICY } from "@/lib/maintenance/policy";
import { runMaintenance } from "@/lib/maintenance/run-maintenance";
import { filesUnder, tempStorage, type TempStorage } from "../helpers/jobs";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { root, startNode } from "../multi/processes";
import { DAY, ORPHAN_KEY, seedMaintenanceWorld, type MaintenanceWorld } from "../integration/maintenance-fixtures";

interface World {
  t: TestDb;
  s: TempStorage;
}

/** Each case its own database and storage (the cases run concurrently; hence the test's own hook). */
async function world(onTestFinished: TestContext["onTestFinished"]): Promise<World> {
  const w = { t: await createTestDb(), s: tempStorage() };
  onTestFinished(async () => {
    await w.t.close();
    w.s.cleanup();
  });
  return w;
}

const HOUR = 3_600_000;

/** Work for every step, dated from the real clock (the maintenance process reads the database's). */
async function seedWorld({ t, s }: World) {
  const world = await seedMaintenanceWorld(t.db, s.storage, new Date());
  const old = new Date(Date.now() - 2 * DAY);
  utimesSync(path.join(s.dir, ORPHAN_KEY), old, old); // past the 24 h grace: the reconciler's work
  return world;
}

/** `npm run maintenance` as a process of its own; resolves with how it ended and what it printed. */
async function maintenanceProcess({ t, s }: World, env: Record<string, string> = {}) {
  const proc = startNode("maintenance", ["--import", "tsx", path.join(root, "scripts", "maintenance.ts")], {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "test",
    DATABASE_FILE: t.url,
    STORAGE_DIR: s.dir,
    SCHEDULER_ENABLED: "false",
    MAINTENANCE_LOCK_TTL_MS: "1000",
    ...env,
  });
  return { ...(await proc.closed), output: proc.output() };
}

/** What an Archived job must have at any moment: every gzip intact (`gzip -t`) and as recorded. */
async function expectArchivesComplete({ t, s }: World) {
  for (const row of await t.db.amrJob.findMany({ where: { status: "Archived" } })) {
    const dir = path.join(s.dir, "archive", row.id);
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as { files: { name: string; size: number; sha256: string }[] };
    expect(manifest.files.length).toBe(3);
    for (const f of manifest.files) {
      const gz = path.join(dir, `${f.name}.gz`);
      execFileSync("gzip", ["-t", gz]); // throws on a damaged file
      const bytes = gunzipSync(readFileSync(gz));
      expect({ size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") }).toEqual({ size: f.size, sha256: f.sha256 });
    }
  }
}

async function expectConverged({ t, s }: World, world: MaintenanceWorld) {
  const rows = new Map((await t.db.amrJob.findMany()).map((r) => [r.id, r]));
  expect([...rows.keys()].sort()).toEqual([world.stale.id, world.young.id, ...world.toArchive.map((j) => j.id)].sort());
  expect(rows.get(world.stale.id)?.status).toBe("Error");
  expect(rows.get(world.young.id)?.status).toBe("Completed");
  const files = filesUnder(s.dir);
  for (const job of world.toArchive) {
    expect(rows.get(job.id)?.status).toBe("Archived");
    // The originals are gone, the archive alone remains and inflates to the original bytes.
    expect(files.filter((f) => f.includes(job.id))).toEqual(["genes.tsv.gz", "manifest.json", "phenotypes.tsv.gz", "result.json.gz"].map((n) => `archive/${job.id}/${n}`));
    for (const [name, bytes] of Object.entries(job.results)) {
      expect(gunzipSync(readFileSync(path.join(s.dir, "archive", job.id, `${name}.gz`))).equals(bytes)).toBe(true);
    }
  }
  // No file without its row: only the two live jobs' files and the archives remain.
  const owned = new Set([world.stale.id, world.young.id, ...world.toArchive.map((j) => j.id)]);
  expect(files.filter((f) => ![...owned].some((id) => f.includes(id)))).toEqual([]);
  await expectArchivesComplete({ t, s });
}

const POINTS = [...FAIL_POINTS.slice(0, 3), "archive:gzip-written", ...FAIL_POINTS.slice(3)];

describe.concurrent("CR3/CR4: `npm run maintenance` SIGKILLed at each step", () => {
  it.for(POINTS)("killed after %s: archives stay whole, a rerun converges, nothing is orphaned after the grace period", { timeout: 90_000 }, async (point, { onTestFinished }) => {
    const w = await world(onTestFinished);
    const { t, s } = w;
    const seeded = await seedWorld(w);
    const killed = await maintenanceProcess(w, { AMR_FAILPOINT: point });
    expect(killed.signal, killed.output).toBe("SIGKILL");
    expect(killed.output).toContain(`[failpoint] ${point}: kill`);
    expect(await t.db.maintenanceRun.findFirstOrThrow()).toMatchObject({ status: "running", finishedAt: null });
    // Between any two steps: nothing marked Archived without its verified archive.
    await expectArchivesComplete(w);

    // The rerun: once the dead run's 1 s lease has expired, a new process does the rest.
    let rerun: Awaited<ReturnType<typeof maintenanceProcess>>;
    for (;;) {
      rerun = await maintenanceProcess(w);
      expect(rerun.code, rerun.output).toBe(0);
      if (!rerun.output.includes('"skipped": true')) break;
    }
    expect(rerun.output).toContain('"missingFiles": 0');
    await expectArchivesComplete(w);
    // The killed run is no longer shown as running.
    const runs = await t.db.maintenanceRun.findMany({ where: { status: { not: "skipped" } }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["failed", "ok"]);
    expect(runs[0].error).toMatch(/^Interrupted/);

    // After the grace period, nothing is left for a run to do and the state is exactly the clean one.
    const later = new Date(Date.now() + DEFAULT_RETENTION_POLICY.orphanGraceHours * HOUR + HOUR);
    const final = await runMaintenance({ db: t.db, storage: s.storage, policy: DEFAULT_RETENTION_POLICY, trigger: "test", clock: () => later, log: () => undefined });
    expect(final).toMatchObject({ archived: 0, purged: 0, failedStale: 0, orphansRemoved: 0, missingFiles: 0 });
    await expectConverged(w, seeded);
  });
});
