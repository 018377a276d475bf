// The repository side of retries (JD6): a transiently failed job waits out its not-before time
// while claims take the jobs behind it; seeded times, no sleeping. Both dialects.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimNextJob, insertJob, retryJobLater } from "@/lib/jobs/job-repository";
import { toJobDetail } from "@/lib/jobs/dto";
import { createTestDb, defaultParams, seedUser, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const T = new Date("2027-01-10T12:00:00.000Z");
const at = (ms: number) => new Date(T.getTime() + ms);

describe("retryJobLater and claims", () => {
  it("queues the job again, skipped by claims until its time, then claimed as the next attempt", async () => {
    const u = await seedUser(t.db);
    const first = await insertJob(t.db, { userId: u.id, jobName: "flaky", params: defaultParams, createdAt: at(-60_000) });
    const second = await insertJob(t.db, { userId: u.id, jobName: "behind it", params: defaultParams, createdAt: at(-30_000) });

    const claim = (await claimNextJob(t.db, "w1", { leaseMs: 30_000, now: T }))!;
    expect(claim).toMatchObject({ jobId: first.id, attempts: 1 });
    expect(await retryJobLater(t.db, first.id, claim.leaseToken, { delayMs: 60_000, error: "The analysis process stopped unexpectedly.", now: T })).toBe(true);

    const waiting = await t.db.amrJob.findUniqueOrThrow({ where: { id: first.id }, include: { params: true } });
    expect(waiting).toMatchObject({ status: "Submitted", attempts: 1, leaseToken: null, progress: 0 });
    expect(waiting.notBefore?.toISOString()).toBe(at(60_000).toISOString());
    expect(toJobDetail(waiting)).toMatchObject({ retryAt: at(60_000).toISOString(), error: "The analysis process stopped unexpectedly." });

    // Before its time: the job behind it is claimed instead, and then nothing.
    expect(await claimNextJob(t.db, "w2", { leaseMs: 30_000, now: at(30_000) })).toMatchObject({ jobId: second.id });
    expect(await claimNextJob(t.db, "w2", { leaseMs: 30_000, now: at(59_999) })).toBeNull();
    // At its time: the second attempt, the not-before cleared.
    const retry = await claimNextJob(t.db, "w3", { leaseMs: 30_000, now: at(60_000) });
    expect(retry).toMatchObject({ jobId: first.id, attempts: 2 });
    const row = await t.db.amrJob.findUniqueOrThrow({ where: { id: first.id }, include: { params: true } });
    expect(row.notBefore).toBeNull();
    expect(toJobDetail(row).retryAt).toBeNull();
  });

  it("is fenced like every worker write: a stale lease token changes nothing", async () => {
    const u = await seedUser(t.db);
    const job = await insertJob(t.db, { userId: u.id, jobName: "x", params: defaultParams, createdAt: at(-1000) });
    await claimNextJob(t.db, "w1", { leaseMs: 30_000, now: T });
    expect(await retryJobLater(t.db, job.id, "not-the-lease", { delayMs: 1000, error: "e", now: T })).toBe(false);
    expect(await t.db.amrJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "Processing", notBefore: null });
  });
});
