import { describe, expect, it } from "vitest";
import { changeMembers, createCollection } from "@/lib/collections/repository";
import { clearMatrixCache, collectionMatrix } from "@/lib/collections/matrix-service";
import { clearSummaryCache } from "@/lib/collections/member-results";
import { updateJobStatus } from "@/lib/jobs/job-repository";
import { resultWith, seedFinishedJob } from "../helpers/collections";
import { withTestDbAndStorage, type TempStorage } from "../helpers/jobs";
import { seedUser, type TestDb } from "../helpers/test-db";
import { daysAgo, NOW, runAt } from "./maintenance-fixtures";

let t: TestDb;
let s: TempStorage;
withTestDbAndStorage((db, storage) => {
  t = db;
  s = storage;
  clearMatrixCache();
  clearSummaryCache();
});

const TEM = { gene: "blaTEM-1B", class: "beta-lactam", identity: 100, antibiotics: ["ampicillin", "piperacillin"] };
const TET = { gene: "tet(A)", class: "tetracycline", identity: 99.5, antibiotics: ["tetracycline", "doxycycline"] };
const TET_LOW = { ...TET, identity: 91.25 };
const SUL = { gene: "sul2", class: "folate pathway antagonist", identity: 100, antibiotics: ["sulfamethoxazole"] };
const RATED: [string, string][] = [["gentamicin", "aminoglycoside"]];

describe("collection matrix from stored results", () => {
  it("matches a hand-computed matrix, reading the archived member from its archive and naming the purged one", async () => {
    const user = await seedUser(t.db);
    const at = (d: number) => daysAgo(d);
    // g1: recent; g2: completed 10 days ago (maintenance archives it); g3: archived 95 days ago (purged);
    // g4: still running; g5: failed.
    const g1 = await seedFinishedJob(t.db, s.storage, user.id, { name: "g1", result: resultWith([TEM, TET], RATED), createdAt: at(3), completedAt: at(2) });
    const g2 = await seedFinishedJob(t.db, s.storage, user.id, { name: "g2", result: resultWith([TET_LOW, SUL], RATED), createdAt: at(11), completedAt: at(10) });
    const g3 = await seedFinishedJob(t.db, s.storage, user.id, { name: "g3", status: "Archived", createdAt: at(101), completedAt: at(100), archivedAt: at(95) });
    const g4 = await seedFinishedJob(t.db, s.storage, user.id, { name: "g4", status: "Processing", createdAt: at(1) });
    const g5 = await seedFinishedJob(t.db, s.storage, user.id, { name: "g5", status: "Error", createdAt: at(0.5), completedAt: at(0.5) });
    const c = await createCollection(t.db, user.id, "cohort");
    await changeMembers(t.db, user.id, c.id, { add: [g1, g2, g3, g4, g5] });

    const run = await runAt(t.db, s.storage);
    expect(run).toMatchObject({ archived: 1, purged: 1 });
    expect((await t.db.amrJob.findUnique({ where: { id: g2 } }))?.status).toBe("Archived");

    const { matrix } = await collectionMatrix(t.db, s.storage, c.id);
    // Columns: grouped by class (alphabetical), then antibiotic; gentamicin is rated but never resistant.
    expect(matrix.antibiotics).toEqual([
      { name: "gentamicin", class: "aminoglycoside", resistant: 0 },
      { name: "ampicillin", class: "beta-lactam", resistant: 1 },
      { name: "piperacillin", class: "beta-lactam", resistant: 1 },
      { name: "sulfamethoxazole", class: "folate pathway antagonist", resistant: 1 },
      { name: "doxycycline", class: "tetracycline", resistant: 2 },
      { name: "tetracycline", class: "tetracycline", resistant: 2 },
    ]);
    expect(matrix.classes).toEqual(["aminoglycoside", "beta-lactam", "folate pathway antagonist", "tetracycline"]);
    expect(matrix.genes).toEqual([
      { name: "blaTEM-1B", class: "beta-lactam", present: 1 },
      { name: "sul2", class: "folate pathway antagonist", present: 1 },
      { name: "tet(A)", class: "tetracycline", present: 2 },
    ]);
    // Rows in the members' order; g4 (running) and g5 (failed) have none; g3 is gone.
    expect(matrix.rows).toEqual([
      { jobId: g2, name: "g2", status: "Archived", resistant: { 3: ["sul2"], 4: ["tet(A)"], 5: ["tet(A)"] }, identity: { 1: 100, 2: 91.25 } },
      { jobId: g1, name: "g1", status: "Completed", resistant: { 1: ["blaTEM-1B"], 2: ["blaTEM-1B"], 4: ["tet(A)"], 5: ["tet(A)"] }, identity: { 0: 100, 2: 99.5 } },
    ]);
    expect(matrix.counts).toEqual({ total: 4, completed: 2, failed: 1, cancelled: 0, running: 1 });
    expect(matrix.members.map((m) => m.name)).toEqual(["g2", "g1", "g4", "g5"]);
    expect(matrix.purged).toEqual([{ jobId: g3, name: "g3", purgedAt: NOW.toISOString() }]);
    expect(matrix.unreadable).toEqual([]);
  });

  it("a finished member whose result file is gone is listed as unreadable, not silently dropped", async () => {
    const user = await seedUser(t.db);
    const g1 = await seedFinishedJob(t.db, s.storage, user.id, { name: "g1", result: resultWith([TEM]) });
    const g2 = await seedFinishedJob(t.db, s.storage, user.id, { name: "lost" });
    await t.db.amrJob.update({ where: { id: g2 }, data: { resultFilePath: "results/nowhere/x/" } });
    const c = await createCollection(t.db, user.id, "c");
    await changeMembers(t.db, user.id, c.id, { add: [g1, g2] });
    const { matrix } = await collectionMatrix(t.db, s.storage, c.id);
    expect(matrix.rows.map((r) => r.name)).toEqual(["g1"]);
    expect(matrix.unreadable).toEqual([{ jobId: g2, name: "lost" }]);
  });

  it("is served from cache until a member is added, removed or finishes", async () => {
    const user = await seedUser(t.db);
    const g1 = await seedFinishedJob(t.db, s.storage, user.id, { name: "g1", result: resultWith([TEM]), createdAt: daysAgo(3) });
    const g2 = await seedFinishedJob(t.db, s.storage, user.id, { name: "g2", result: resultWith([SUL]), createdAt: daysAgo(2) });
    const c = await createCollection(t.db, user.id, "c");
    await changeMembers(t.db, user.id, c.id, { add: [g1] });

    const first = await collectionMatrix(t.db, s.storage, c.id);
    expect(first.fromCache).toBe(false);
    const same = await collectionMatrix(t.db, s.storage, c.id);
    expect(same.fromCache).toBe(true);
    expect(same.etag).toBe(first.etag);

    await changeMembers(t.db, user.id, c.id, { add: [g2] });
    const added = await collectionMatrix(t.db, s.storage, c.id);
    expect(added.fromCache).toBe(false);
    expect(added.matrix.rows.map((r) => r.name)).toEqual(["g1", "g2"]);
    expect(added.etag).not.toBe(first.etag);

    await changeMembers(t.db, user.id, c.id, { remove: [g1] });
    expect((await collectionMatrix(t.db, s.storage, c.id)).matrix.rows.map((r) => r.name)).toEqual(["g2"]);

    // A member that was running finishes: its row appears.
    const g3 = await seedFinishedJob(t.db, s.storage, user.id, { name: "g3", status: "Processing", createdAt: daysAgo(1) });
    await changeMembers(t.db, user.id, c.id, { add: [g3] });
    const running = await collectionMatrix(t.db, s.storage, c.id);
    expect(running.matrix.rows.map((r) => r.name)).toEqual(["g2"]);
    expect(running.matrix.counts.running).toBe(1);
    const g3Result = await seedFinishedJob(t.db, s.storage, user.id, { name: "donor", result: resultWith([TET]) });
    const donor = await t.db.amrJob.findUniqueOrThrow({ where: { id: g3Result } });
    await t.db.amrJob.update({ where: { id: g3 }, data: { status: "Processing", leaseToken: "L" } });
    expect(await updateJobStatus(t.db, g3, { from: "Processing", to: "Completed", leaseToken: "L", resultFilePath: donor.resultFilePath!, progress: 100 })).toBe(true);
    const finished = await collectionMatrix(t.db, s.storage, c.id);
    expect(finished.fromCache).toBe(false);
    expect(finished.matrix.rows.map((r) => r.name)).toEqual(["g2", "g3"]);
    expect(finished.matrix.genes.map((g) => g.name)).toEqual(["sul2", "tet(A)"]);

    // A member deleted by its owner: gone from the matrix at once (and not named as purged).
    await t.db.amrJob.delete({ where: { id: g2 } });
    const deleted = await collectionMatrix(t.db, s.storage, c.id);
    expect(deleted.fromCache).toBe(false);
    expect(deleted.matrix.rows.map((r) => r.name)).toEqual(["g3"]);
    expect(deleted.matrix.purged).toEqual([]);
  });
});
