import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { claimNextJob } from "@/lib/jobs/job-repository";
import { listJobsByUser } from "@/lib/jobs/list-jobs";
import { getJob, getJobForUser, getJobForUserOrThrow, getJobParams } from "@/lib/jobs/queries";
import { insertJob } from "@/lib/jobs/job-repository";
import { updateJobProgress, updateJobStatus } from "@/lib/jobs/job-repository";
import { createTestDb, defaultParams, seedUser, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const newJob = (userId: string, n = 0, createdAt?: Date) =>
  insertJob(t.db, { userId, jobName: `job ${n}`, params: defaultParams, createdAt });

describe("insertJob / getJob", () => {
  it("stores the job and its params together", async () => {
    const u = await seedUser(t.db);
    const job = await insertJob(t.db, {
      userId: u.id,
      jobName: "E. coli",
      params: { ...defaultParams, batchSize: 16 },
      input: { fileName: "ecoli.fa.gz", sizeBytes: 10, sha256: "f".repeat(64), contigs: 3, bases: 5_594_605 },
    });
    expect(job.status).toBe("Submitted");
    expect(job.progress).toBe(0);
    const again = await getJob(t.db, job.id);
    expect(again?.params?.batchSize).toBe(16);
    expect(again?.inputBases).toBe(5_594_605);
    expect((await getJobParams(t.db, job.id))?.modelName).toBe("resfinder-genes");
  });

  it("rolls back the job when its params are invalid (one transaction)", async () => {
    const u = await seedUser(t.db);
    await expect(
      insertJob(t.db, { userId: u.id, jobName: "x", params: { ...defaultParams, batchSize: null as unknown as number } }),
    ).rejects.toThrow();
    expect(await t.db.amrJob.count()).toBe(0);
  });

  it("refuses a job for a user that does not exist (foreign keys on)", async () => {
    await expect(newJob("no-such-user")).rejects.toThrow();
  });

  it("cascades params when a job row is deleted", async () => {
    const u = await seedUser(t.db);
    const job = await newJob(u.id);
    await t.db.amrJob.delete({ where: { id: job.id } });
    expect(await getJobParams(t.db, job.id)).toBeNull();
  });
});

describe("ownership", () => {
  it("returns another user's job as not found", async () => {
    const a = await seedUser(t.db);
    const b = await seedUser(t.db);
    const job = await newJob(a.id);
    expect(await getJobForUser(t.db, a.id, job.id)).not.toBeNull();
    expect(await getJobForUser(t.db, b.id, job.id)).toBeNull();
    await expect(getJobForUserOrThrow(t.db, b.id, job.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("updateJobStatus", () => {
  it("sets timestamps with the transition", async () => {
    const u = await seedUser(t.db);
    const job = await newJob(u.id);
    const started = new Date("2026-05-01T10:00:00Z");
    expect(await updateJobStatus(t.db, job.id, { from: "Submitted", to: "Processing", now: started })).toBe(true);
    const finished = new Date("2026-05-01T10:05:00Z");
    expect(
      await updateJobStatus(t.db, job.id, { from: "Processing", to: "Completed", progress: 100, now: finished }),
    ).toBe(true);
    const row = await getJob(t.db, job.id);
    expect(row?.startedAt?.toISOString()).toBe(started.toISOString());
    expect(row?.completedAt?.toISOString()).toBe(finished.toISOString());
    expect(row?.progress).toBe(100);
    expect(row?.version).toBe(2);
  });

  it("lets exactly one of two concurrent transitions win, across connections", async () => {
    const u = await seedUser(t.db);
    const job = await newJob(u.id);
    const other = createDb(t.url);
    try {
      const results = await Promise.all([
        updateJobStatus(t.db, job.id, { from: "Submitted", to: "Cancelled" }),
        updateJobStatus(other, job.id, { from: "Submitted", to: "Processing" }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const row = await getJob(t.db, job.id);
      expect(row?.status).toBe(results[0] ? "Cancelled" : "Processing");
    } finally {
      await other.$disconnect();
    }
  });

  it("never moves a job backwards from a terminal state", async () => {
    const u = await seedUser(t.db);
    const job = await newJob(u.id);
    await updateJobStatus(t.db, job.id, { from: "Submitted", to: "Cancelled" });
    expect(await updateJobStatus(t.db, job.id, { from: "Submitted", to: "Processing" })).toBe(false);
    await expect(updateJobStatus(t.db, job.id, { from: "Cancelled", to: "Processing" })).rejects.toThrow(/Illegal/);
    expect((await getJob(t.db, job.id))?.status).toBe("Cancelled");
  });

  it("refuses progress that would go down, and writes fenced by another lease", async () => {
    const u = await seedUser(t.db);
    const job = await newJob(u.id);
    const claim = await claimNextJob(t.db, "w1", { leaseMs: 30_000 });
    expect(claim?.jobId).toBe(job.id);
    const token = claim!.leaseToken;
    expect(await updateJobProgress(t.db, job.id, { leaseToken: token, progress: 40 })).toBe(true);
    expect(await updateJobProgress(t.db, job.id, { leaseToken: token, progress: 30 })).toBe(false);
    expect(await updateJobProgress(t.db, job.id, { leaseToken: "stale", progress: 60 })).toBe(false);
    expect(
      await updateJobStatus(t.db, job.id, { from: "Processing", to: "Completed", progress: 100, leaseToken: "stale" }),
    ).toBe(false);
    const row = await getJob(t.db, job.id);
    expect(row?.progress).toBe(40);
    expect(row?.status).toBe("Processing");
  });
});

describe("claimNextJob", () => {
  it("claims the oldest Submitted job once and leases it", async () => {
    const u = await seedUser(t.db);
    const older = await newJob(u.id, 1, new Date("2026-01-01T00:00:00Z"));
    await newJob(u.id, 2, new Date("2026-01-02T00:00:00Z"));
    const now = new Date("2026-02-01T00:00:00Z");
    const c = await claimNextJob(t.db, "w1", { leaseMs: 60_000, now });
    expect(c).toMatchObject({ jobId: older.id, attempts: 1 });
    const row = await getJob(t.db, older.id);
    expect(row?.status).toBe("Processing");
    expect(row?.leaseExpiresAt?.toISOString()).toBe("2026-02-01T00:01:00.000Z");
    expect(row?.leaseOwner).toBe("w1");
    const second = await claimNextJob(t.db, "w2", { leaseMs: 60_000, now });
    expect(second?.jobId).not.toBe(older.id);
    expect(await claimNextJob(t.db, "w3", { leaseMs: 60_000, now })).toBeNull();
  });

  it("never hands one job to two connections racing for it", async () => {
    const u = await seedUser(t.db);
    for (let i = 0; i < 20; i++) await newJob(u.id, i);
    const clients = [t.db, createDb(t.url), createDb(t.url)];
    try {
      const claimed: string[] = [];
      await Promise.all(
        clients.map(async (c, i) => {
          for (;;) {
            const claim = await claimNextJob(c, `w${i}`, { leaseMs: 60_000 });
            if (!claim) return;
            claimed.push(claim.jobId);
          }
        }),
      );
      expect(claimed).toHaveLength(20);
      expect(new Set(claimed).size).toBe(20);
    } finally {
      await Promise.all(clients.slice(1).map((c) => c.$disconnect()));
    }
  });
});

describe("listJobsByUser", () => {
  it("pages newest first, only the user's own, with a status filter and a capped limit", async () => {
    const a = await seedUser(t.db);
    const b = await seedUser(t.db);
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 5; i++) await newJob(a.id, i, new Date(base + i * 1000));
    await newJob(b.id, 99, new Date(base + 10_000));
    const page1 = await listJobsByUser(t.db, a.id, { limit: 2 });
    expect(page1.items.map((j) => j.jobName)).toEqual(["job 4", "job 3"]);
    const page2 = await listJobsByUser(t.db, a.id, { limit: 2, cursor: page1.nextCursor! });
    expect(page2.items.map((j) => j.jobName)).toEqual(["job 2", "job 1"]);
    const page3 = await listJobsByUser(t.db, a.id, { limit: 2, cursor: page2.nextCursor! });
    expect(page3.items.map((j) => j.jobName)).toEqual(["job 0"]);
    expect(page3.nextCursor).toBeNull();

    const first = (await listJobsByUser(t.db, a.id)).items[0];
    await updateJobStatus(t.db, first.id, { from: "Submitted", to: "Cancelled" });
    const cancelled = await listJobsByUser(t.db, a.id, { status: "Cancelled" });
    expect(cancelled.items.map((j) => j.id)).toEqual([first.id]);

    for (let i = 0; i < 120; i++) await newJob(a.id, 100 + i);
    expect((await listJobsByUser(t.db, a.id, { limit: 1000 })).items).toHaveLength(100);
  });

  it("returns every job exactly once while new jobs arrive between pages, ties included", async () => {
    const u = await seedUser(t.db);
    const tie = new Date(Date.UTC(2026, 0, 1));
    const original: string[] = [];
    for (let i = 0; i < 25; i++) original.push((await newJob(u.id, i, i % 3 === 0 ? tie : new Date(tie.getTime() + i))).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let n = 0;
    do {
      const page = await listJobsByUser(t.db, u.id, { limit: 4, cursor });
      seen.push(...page.items.map((j) => j.id));
      cursor = page.nextCursor ?? undefined;
      await newJob(u.id, 1000 + n++); // arrives now: newer than everything paged so far
    } while (cursor);
    expect(seen.filter((id) => original.includes(id)).sort()).toEqual([...original].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("rejects a forged cursor", async () => {
    const u = await seedUser(t.db);
    await expect(listJobsByUser(t.db, u.id, { cursor: "bogus" })).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("the hot-path job read (one raw statement)", () => {
  it("returns exactly what Prisma's findFirst + include returns, in every state", async () => {
    const { findJobWithParamsForUser } = await import("@/lib/jobs/job-with-params");
    const u = await seedUser(t.db);
    const queued = await insertJob(t.db, {
      userId: u.id,
      jobName: "full",
      params: { ...defaultParams, minIdentity: 92.5 },
      input: { fileName: "g.fa", sizeBytes: 123_456_789, sha256: "a".repeat(64), contigs: 42, bases: 5_594_605 },
      inputFilePath: "inputs/x.fa",
    });
    const claim = await claimNextJob(t.db, "w", { leaseMs: 30_000 });
    await updateJobProgress(t.db, queued.id, { leaseToken: claim!.leaseToken, progress: 33.3, additionalInfo: { phase: "searching" } });
    const bare = await t.db.amrJob.create({ data: { id: crypto.randomUUID(), userId: u.id, jobName: "no params", status: "Error", cancelRequested: true } });
    for (const id of [queued.id, bare.id]) {
      expect(await findJobWithParamsForUser(t.db, u.id, id)).toEqual(
        await t.db.amrJob.findFirst({ where: { id, userId: u.id }, include: { params: true } }),
      );
    }
    const other = await seedUser(t.db);
    expect(await findJobWithParamsForUser(t.db, other.id, queued.id)).toBeNull();
    // Same types as Prisma's on both dialects (Date, boolean, number), not the driver's raw forms.
    const read = await findJobWithParamsForUser(t.db, u.id, queued.id);
    expect(read!.startedAt).toBeInstanceOf(Date);
    expect(typeof read!.cancelRequested).toBe("boolean");
    expect(typeof read!.params!.useCpu).toBe("boolean");
  });
});
