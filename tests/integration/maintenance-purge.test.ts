import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as resultsRoute } from "@/app/api/jobs/[id]/results/route";
import { GET as getJobRoute } from "@/app/api/jobs/[id]/route";
import { STALE_PROCESSING_MESSAGE, STALE_SUBMITTED_MESSAGE } from "@/lib/maintenance/stale-jobs";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest } from "../helpers/auth";
import { filesUnder, withAppStorage, type TempStorage } from "../helpers/jobs";
import { seedUser } from "../helpers/test-db";
import { DAY, NOW, daysAgo, runAt, seedJob } from "./maintenance-fixtures";

const t = withAppTestDb();
let s: TempStorage;
let user: { id: string };
withAppStorage((storage) => {
  s = storage;
});
beforeEach(async () => {
  user = await seedUser(t.current.db);
});

const BASE = "http://localhost:3000";
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const setAge = (key: string, when: Date) => utimesSync(path.join(s.dir, key), when, when);

describe("purging", () => {
  it("deletes each status at its own age: rows, params and every file; the routes answer 404", async () => {
    const db = t.current.db;
    const due = [
      await seedJob(db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(30) }),
      await seedJob(db, s.storage, user.id, { status: "Error", completedAt: daysAgo(14) }),
      await seedJob(db, s.storage, user.id, { status: "Cancelled", completedAt: daysAgo(7) }),
      await seedJob(db, s.storage, user.id, { status: "Archived", completedAt: daysAgo(200), archivedAt: daysAgo(90), withResults: false }),
    ];
    const kept = await seedJob(db, s.storage, user.id, { status: "Archived", completedAt: daysAgo(200), archivedAt: daysAgo(89), withResults: false });
    await s.storage.put(`archive/${due[3].id}/genes.tsv.gz`, "x");

    expect(await runAt(db, s.storage)).toMatchObject({ purged: 4, archived: 0 });
    for (const job of due) {
      expect((await getJobRoute(await authedRequest(`${BASE}/api/jobs/${job.id}`, user), ctx(job.id))).status).toBe(404);
      expect((await resultsRoute(await authedRequest(`${BASE}/api/jobs/${job.id}/results`, user), ctx(job.id))).status).toBe(404);
      expect(filesUnder(s.dir).filter((f) => f.includes(job.id))).toEqual([]);
    }
    expect(await db.amrJobParams.count()).toBe(1);
    expect(await db.amrJob.findMany({ select: { id: true } })).toEqual([{ id: kept.id }]);
    expect(filesUnder(s.dir)).toEqual([kept.inputKey]);
  });

  it("a rerun is a no-op", async () => {
    const db = t.current.db;
    await seedJob(db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(30) });
    await seedJob(db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(8) });
    expect(await runAt(db, s.storage)).toMatchObject({ purged: 1, archived: 1 });
    const files = filesUnder(s.dir);
    expect(await runAt(db, s.storage)).toMatchObject({ purged: 0, archived: 0, failedStale: 0, orphansRemoved: 0, missingFiles: 0 });
    expect(filesUnder(s.dir)).toEqual(files);
  });
});

describe("stale jobs", () => {
  it("fails Submitted after 48 h and Processing whose lease expired with no worker, with a message; then Error's policy applies", async () => {
    const db = t.current.db;
    const queuedOld = await seedJob(db, s.storage, user.id, { status: "Submitted", createdAt: new Date(NOW.getTime() - 2 * DAY) });
    const queuedYoung = await seedJob(db, s.storage, user.id, { status: "Submitted", createdAt: new Date(NOW.getTime() - 2 * DAY + 1000) });
    const cancelQueued = await seedJob(db, s.storage, user.id, { status: "Submitted", createdAt: daysAgo(3), cancelRequested: true });
    const dead = await seedJob(db, s.storage, user.id, { status: "Processing", leaseExpiresAt: new Date(NOW.getTime() - 11 * 60_000) });
    const justExpired = await seedJob(db, s.storage, user.id, { status: "Processing", leaseExpiresAt: new Date(NOW.getTime() - 60_000) });

    expect(await runAt(db, s.storage)).toMatchObject({ failedStale: 3 });
    const byId = new Map((await db.amrJob.findMany()).map((r) => [r.id, r]));
    expect(byId.get(queuedOld.id)).toMatchObject({ status: "Error", error: STALE_SUBMITTED_MESSAGE, completedAt: NOW });
    expect(byId.get(queuedYoung.id)?.status).toBe("Submitted");
    expect(byId.get(cancelQueued.id)).toMatchObject({ status: "Cancelled", error: null });
    expect(byId.get(dead.id)).toMatchObject({ status: "Error", error: STALE_PROCESSING_MESSAGE, leaseToken: null, leaseExpiresAt: null });
    // A worker sweeps expired leases every few seconds; a fresh expiry is its to requeue.
    expect(byId.get(justExpired.id)?.status).toBe("Processing");

    const detail = await (await getJobRoute(await authedRequest(`${BASE}/api/jobs/${dead.id}`, user), ctx(dead.id))).json();
    expect(detail).toMatchObject({ status: "Error", archiveAt: new Date(NOW.getTime() + 7 * DAY).toISOString() });
    // Then Error's policy: archived 7 days on (and the cancelled one purged, as Cancelled's is 7 days).
    const week = await runAt(db, s.storage, { clock: () => new Date(NOW.getTime() + 7 * DAY) });
    expect(week).toMatchObject({ archived: 2, purged: 1 });
    expect((await db.amrJob.findUniqueOrThrow({ where: { id: dead.id } })).status).toBe("Archived");
  });
});

describe("reconciler", () => {
  it("removes files without a row once older than the grace period, and temp leftovers", async () => {
    const db = t.current.db;
    const live = await seedJob(db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(1) });
    const ghost = "5f0c1a8e-0000-4000-8000-00000000beef";
    const young = "5f0c1a8e-0000-4000-8000-00000000cafe";
    for (const key of [`inputs/${ghost}.fa`, `results/${ghost}/tok/genes.tsv`, `archive/${ghost}/manifest.json`, `inputs/${young}.fa.gz`]) {
      await s.storage.put(key, "orphan");
    }
    for (const key of [`inputs/${ghost}.fa`, `results/${ghost}/tok/genes.tsv`, `archive/${ghost}/manifest.json`]) setAge(key, daysAgo(1));
    setAge(`inputs/${young}.fa.gz`, new Date(NOW.getTime() - 23 * 3_600_000));
    // A local put that crashed between write and rename leaves its temp file behind.
    const tmp = path.join(s.dir, "tmp", "crashed.part");
    mkdirSync(path.dirname(tmp), { recursive: true });
    writeFileSync(tmp, "half an upload");
    utimesSync(tmp, daysAgo(2), daysAgo(2));

    const result = await runAt(db, s.storage);
    expect(result.orphansRemoved).toBe(4);
    const left = filesUnder(s.dir);
    expect(left).toContain(`inputs/${young}.fa.gz`);
    expect(left.filter((f) => f.includes(ghost) || f.startsWith("tmp/"))).toEqual([]);
    expect(left.filter((f) => f.includes(live.id))).toHaveLength(4);
  });

  it("reports rows whose files are missing without touching them", async () => {
    const db = t.current.db;
    const job = await seedJob(db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(1) });
    await s.storage.deletePrefix(`results/${job.id}/`);
    const logs: string[] = [];
    expect(await runAt(db, s.storage, { log: (m) => logs.push(m) })).toMatchObject({ missingFiles: 1, orphansRemoved: 0 });
    expect(logs.join("\n")).toContain(job.id);
    expect(await db.amrJob.count()).toBe(1);
    const run = await db.maintenanceRun.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
    expect(run).toMatchObject({ status: "ok", missingFiles: 1 });
  });
});
