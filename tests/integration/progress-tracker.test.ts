import { describe, expect, it } from "vitest";
import type { EngineProgress } from "@/lib/amr/types";
import { claimNextJob } from "@/lib/jobs/job-repository";
import { parseProgressInfo } from "@/lib/jobs/dto";
import { getJob } from "@/lib/jobs/queries";
import { insertJob } from "@/lib/jobs/job-repository";
import { DatabaseProgressTracker, progressPercent } from "@/lib/jobs/worker/progress-tracker";
import { withTestDbAndStorage } from "../helpers/jobs";
import { defaultParams, seedUser, type TestDb } from "../helpers/test-db";

let t: TestDb;
withTestDbAndStorage((db) => {
  t = db;
});

const searching = (basesDone: number): EngineProgress => ({
  phase: "searching",
  segmentsDone: basesDone / 1000,
  segmentsTotal: 100,
  basesDone,
  basesTotal: 100_000,
});

async function runningJob() {
  const u = await seedUser(t.db);
  const job = await insertJob(t.db, { userId: u.id, jobName: "p", params: defaultParams });
  const claim = await claimNextJob(t.db, "w", { leaseMs: 60_000 });
  return { id: job.id, token: claim!.leaseToken };
}

describe("DatabaseProgressTracker", () => {
  it("writes at most once per interval, never backwards, with an ETA from the search rate", async () => {
    const { id, token } = await runningJob();
    let now = Date.UTC(2026, 0, 1);
    const clock = { now: () => new Date(now) };
    const writes = async () => (await getJob(t.db, id))!.version;
    const tracker = new DatabaseProgressTracker(t.db, id, token, clock, () => undefined, 1000);
    const v0 = await writes();

    tracker.report(searching(10_000));
    for (let i = 2; i <= 5; i++) tracker.report(searching(i * 10_000)); // same instant: throttled
    await tracker.flush();
    expect(await writes()).toBe(v0 + 1);

    now += 1000;
    tracker.report(searching(60_000));
    now += 1000;
    tracker.report(searching(50_000)); // went backwards: not written
    await tracker.flush();
    const row = await getJob(t.db, id);
    expect(row!.version).toBe(v0 + 2);
    expect(row!.progress).toBe(progressPercent(searching(60_000)));
    // 60 % done one second after the search began: about 1 s left.
    expect(parseProgressInfo(row!.additionalInfo)).toMatchObject({ phase: "searching", basesDone: 60_000, etaSeconds: 1 });
  });

  it("reports a lost lease once and stops writing", async () => {
    const { id } = await runningJob();
    let lost = 0;
    let now = 0;
    const tracker = new DatabaseProgressTracker(t.db, id, "someone-else's-lease", { now: () => new Date(now) }, () => lost++, 0);
    tracker.report(searching(10_000));
    now += 1;
    tracker.report(searching(20_000));
    await tracker.flush();
    expect(lost).toBe(1);
    expect((await getJob(t.db, id))!.progress).toBe(0);
  });

  it("maps the engine's phases onto the bar", () => {
    expect(progressPercent({ ...searching(0), phase: "reading" })).toBe(1);
    expect(progressPercent(searching(0))).toBe(3);
    expect(progressPercent(searching(50_000))).toBe(50);
    expect(progressPercent(searching(100_000))).toBe(97);
  });
});
