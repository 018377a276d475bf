import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createJob, createJobFromUpload, type CreateJobDeps } from "@/lib/jobs/create-job";
import { startDirectUpload, type DirectUpload } from "@/lib/jobs/direct-upload";
import { claimNextJob } from "@/lib/jobs/job-repository";
import { readResult } from "@/lib/jobs/read-result";
import { systemClock } from "@/lib/jobs/worker/clock";
import { runClaimedJob } from "@/lib/jobs/worker/run-claimed-job";
import { DEFAULT_RETENTION_POLICY } from "@/lib/maintenance/policy";
import { runMaintenance } from "@/lib/maintenance/run-maintenance";
import { listAll, type Storage } from "@/lib/storage";
import { toErrorPayload } from "@/lib/errors";
import type { EngineRunner } from "@/lib/jobs/worker/engine-runner";
import { tinyResult } from "../helpers/fake-runner";
import { EXAMPLES, randomGenome, streamText, tempStorage, uploadRequest } from "../helpers/jobs";
import { startS3Server, type S3TestServer } from "../helpers/s3-server";
import { createTestDb, seedUser, type TestDb } from "../helpers/test-db";

// Files in an S3-compatible store (s3rver), rows in this run's database (SQLite or PostgreSQL):
// the two-step direct upload and the multipart path, then the whole life of a job on the bucket.
let s3: S3TestServer;
let t: TestDb;
let storage: Storage;
let userId: string;
let n = 0;
const MB = 1024 * 1024;

beforeAll(async () => {
  s3 = await startS3Server("amr-direct");
});
afterAll(async () => {
  await s3.stop();
});
beforeEach(async () => {
  t = await createTestDb();
  storage = s3.storage(`run${++n}/`);
  userId = (await seedUser(t.db)).id;
  return async () => t.close();
});

const deps = (over: Partial<CreateJobDeps> = {}): CreateJobDeps => ({
  db: t.db,
  storage,
  maxUploadBytes: 10 * MB,
  maxUncompressedBytes: 20 * MB,
  maxActiveJobsPerUser: 100,
  ...over,
});

/** What a browser does with the pre-signed POST: the form's fields, then the file, to the bucket. */
async function sendToBucket(offer: DirectUpload, data: Uint8Array | string, fileName = "genome.fa"): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries(offer.fields)) form.append(k, v);
  form.append("file", new Blob([data as BlobPart]), fileName);
  const res = await fetch(offer.url, { method: "POST", body: form });
  return res.status;
}

async function uploadDirect(data: Uint8Array | string, over: Partial<CreateJobDeps> = {}, fileName = "genome.fa") {
  const offer = await startDirectUpload(deps(over), userId, { fileName, size: data.length });
  expect(await sendToBucket(offer, data, fileName)).toBeLessThan(300);
  return offer;
}

const keysUnder = async (prefix: string) => (await listAll(storage, prefix)).map((o) => o.key);

describe("direct uploads to the bucket", () => {
  it("upload → job → run → download → archive → download → purge, with nothing left behind", async () => {
    const genome = readFileSync(`${EXAMPLES}/test_isolate_01.fa.gz`);
    const offer = await uploadDirect(genome, {}, "isolate01.fa.gz");
    expect(offer.url).toContain(s3.endpoint);
    const job = await createJobFromUpload(deps(), userId, { uploadId: offer.uploadId, fileName: "isolate01.fa.gz", minCoverage: 70 });
    expect(job).toMatchObject({ status: "Submitted", jobName: "isolate01", inputFileName: "isolate01.fa.gz", inputFileSize: genome.length });
    expect(job.params).toMatchObject({ minCoverage: 70 });
    expect(job.inputFilePath).toBe(`inputs/${job.id}.fa.gz`);
    expect(await keysUnder("uploads/")).toEqual([]); // moved to the job's own key
    expect((await storage.getBuffer(job.inputFilePath!)).equals(genome)).toBe(true);

    // The worker gets a local copy of the genome from the bucket.
    let engineSaw: Buffer | null = null;
    const runner: EngineRunner = async (run) => {
      engineSaw = readFileSync(run.inputPath);
      return tinyResult;
    };
    const claim = await claimNextJob(t.db, "w", { leaseMs: 30_000 });
    const outcome = await runClaimedJob(
      { db: t.db, storage, runner, clock: systemClock, leaseMs: 30_000, cancelPollMs: 1000, progressIntervalMs: 0 },
      claim!,
      new AbortController().signal,
    );
    expect(outcome).toBe("Completed");
    expect(engineSaw!.equals(genome)).toBe(true);
    const fresh = JSON.parse(await streamText((await readResult(t.db, storage, userId, job.id, "json")).body));
    expect(fresh).toEqual(tinyResult);

    // Archive (day 8), read the archived copy, purge (day 100): the bucket ends empty.
    const completedAt = (await t.db.amrJob.findUniqueOrThrow({ where: { id: job.id } })).completedAt!;
    const at = (days: number) => () => new Date(completedAt.getTime() + days * 86_400_000);
    const policy = { ...DEFAULT_RETENTION_POLICY, keepInputOnArchive: false };
    expect(await runMaintenance({ db: t.db, storage, policy, trigger: "test", clock: at(8), log: () => undefined })).toMatchObject({ archived: 1 });
    expect(await keysUnder("results/")).toEqual([]);
    expect(JSON.parse(await streamText((await readResult(t.db, storage, userId, job.id, "json")).body))).toEqual(tinyResult);
    expect(await runMaintenance({ db: t.db, storage, policy, trigger: "test", clock: at(100), log: () => undefined })).toMatchObject({ purged: 1 });
    for (const area of ["inputs/", "results/", "archive/", "uploads/"]) expect(await keysUnder(area)).toEqual([]);
    expect(await t.db.amrJob.count()).toBe(0);
  });

  it("takes a genome larger than a serverless function's 4.5 MB request limit: the app only sees a small JSON confirm", async () => {
    const genome = randomGenome(6 * MB);
    expect(genome.length).toBeGreaterThan(4.5 * MB);
    const offer = await uploadDirect(genome);
    const confirm = JSON.stringify({ uploadId: offer.uploadId, fileName: "big.fa" });
    expect(confirm.length).toBeLessThan(200);
    const job = await createJobFromUpload(deps(), userId, JSON.parse(confirm));
    expect(job).toMatchObject({ status: "Submitted", inputBases: 6 * MB, inputContigs: 1 });
    expect((await storage.head(job.inputFilePath!))?.size).toBe(genome.length);
  });

  it("refuses a PNG with 422, a gzip bomb and an oversize object with 413, and deletes each object", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4000, 1)]);
    // 300 MB of bases in a few hundred KB: the uncompressed limit stops it while streaming.
    const bomb = gzipSync(Buffer.concat([Buffer.from(">bomb\n"), Buffer.alloc(300 * MB, "A")]));
    const oversize = randomGenome(3 * MB); // over a 2 MB limit: s3rver does not enforce the POST policy, the app does
    for (const [data, limits, status, code] of [
      [png, {}, 422, "invalid_genome"],
      [bomb, {}, 413, "payload_too_large"],
      [oversize, { maxUploadBytes: 2 * MB }, 413, "payload_too_large"],
    ] as const) {
      const offer = await startDirectUpload(deps(), userId, { fileName: "x.fa" });
      expect(await sendToBucket(offer, data)).toBeLessThan(300);
      const err = await createJobFromUpload(deps(limits), userId, { uploadId: offer.uploadId }).catch((e: unknown) => e);
      const payload = toErrorPayload(err);
      expect(payload.status, payload.body.error.message).toBe(status);
      expect(payload.body.error.code).toBe(code);
      expect(await keysUnder("uploads/")).toEqual([]);
      expect(await keysUnder("inputs/")).toEqual([]);
    }
    expect(await t.db.amrJob.count()).toBe(0);
  });

  it("refuses an oversize file before it is sent, and another user's or an unknown upload id", async () => {
    const early = await startDirectUpload(deps(), userId, { fileName: "x.fa", size: 11 * MB }).catch((e: unknown) => e);
    expect(toErrorPayload(early).status).toBe(413);

    const offer = await uploadDirect(randomGenome(5000));
    const mallory = (await seedUser(t.db)).id;
    const stolen = await createJobFromUpload(deps(), mallory, { uploadId: offer.uploadId }).catch((e: unknown) => e);
    expect(toErrorPayload(stolen).status).toBe(404);
    expect(await keysUnder("uploads/")).toHaveLength(1); // the owner's upload is untouched
    const unknown = await createJobFromUpload(deps(), userId, { uploadId: crypto.randomUUID() }).catch((e: unknown) => e);
    expect(toErrorPayload(unknown)).toMatchObject({ status: 404 });
    expect(await createJobFromUpload(deps(), userId, { uploadId: offer.uploadId })).toMatchObject({ status: "Submitted" });
  });

  it("removes an upload nobody confirmed once it is older than the grace period", async () => {
    await uploadDirect(randomGenome(5000));
    const run = (hours: number) =>
      runMaintenance({ db: t.db, storage, policy: DEFAULT_RETENTION_POLICY, trigger: "test", clock: () => new Date(Date.now() + hours * 3_600_000), log: () => undefined });
    expect(await run(1)).toMatchObject({ orphansRemoved: 0 });
    expect(await keysUnder("uploads/")).toHaveLength(1);
    expect(await run(DEFAULT_RETENTION_POLICY.orphanGraceHours + 1)).toMatchObject({ orphansRemoved: 1 });
    expect(await keysUnder("uploads/")).toEqual([]);
  });

  it("still takes multipart uploads, which the server streams into the bucket", async () => {
    const genome = randomGenome(20_000);
    const job = await createJob(deps(), userId, uploadRequest({ name: "g.fa", data: genome }));
    expect(job).toMatchObject({ status: "Submitted", inputBases: 20_000 });
    expect((await storage.getBuffer(job.inputFilePath!)).toString()).toBe(genome);
  });
});

describe("local storage", () => {
  it("offers no direct upload: 404 pointing to multipart POST /api/jobs", async () => {
    const local = tempStorage();
    try {
      const err = await startDirectUpload(deps({ storage: local.storage }), userId, { fileName: "g.fa" }).catch((e: unknown) => e);
      const payload = toErrorPayload(err);
      expect(payload.status).toBe(404);
      // Its own code: the browser falls back to multipart on this one only.
      expect(payload.body.error.code).toBe("direct_upload_unavailable");
      expect(payload.body.error.message).toMatch(/POST \/api\/jobs/);
    } finally {
      local.cleanup();
    }
  });
});
