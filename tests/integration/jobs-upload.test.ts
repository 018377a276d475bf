import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { createJob } from "@/lib/jobs/create-job";
import { AppError, toErrorPayload } from "@/lib/errors";
import { seedUser, type TestDb } from "../helpers/test-db";
import { EXAMPLES, filesUnder, jobDepsFor, randomGenome, uploadRequest, withTestDbAndStorage, type TempStorage } from "../helpers/jobs";

let t: TestDb;
let s: TempStorage;
let userId: string;
withTestDbAndStorage((db, storage) => {
  t = db;
  s = storage;
});
beforeEach(async () => {
  userId = (await seedUser(t.db)).id;
});

async function expectRejected(req: Request, code: string, message: RegExp, over = {}) {
  const err = await createJob(jobDepsFor(t.db, s.storage, over), userId, req).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).message).toMatch(message);
  // Nothing half-done survives a refused upload.
  expect(await t.db.amrJob.count()).toBe(0);
  expect(filesUnder(s.dir)).toEqual([]);
}

describe("createJob", () => {
  it("stores a gzipped genome under a server-made key with its metadata and params", async () => {
    const gz = readFileSync(`${EXAMPLES}/test_isolate_01.fa.gz`);
    const job = await createJob(
      jobDepsFor(t.db, s.storage),
      userId,
      uploadRequest({ name: "test_isolate_01.fa.gz", data: gz }, { batchSize: "16", segment_length: "5000" }),
    );
    expect(job).toMatchObject({
      status: "Submitted",
      jobName: "test_isolate_01",
      inputFileName: "test_isolate_01.fa.gz",
      inputFileSize: gz.length,
      inputContigs: 1,
      inputBases: 14_680,
    });
    expect(job.params).toMatchObject({ batchSize: 16, segmentLength: 5000, segmentOverlap: 0, useCpu: true, minIdentity: 80 });
    expect(job.inputSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(job.inputFilePath).toBe(`inputs/${job.id}.fa.gz`);
    expect(filesUnder(s.dir)).toEqual([`inputs/${job.id}.fa.gz`]);
    expect(await s.storage.getBuffer(job.inputFilePath!)).toEqual(gz);
  });

  it("keeps a path-traversal file name for display only", async () => {
    for (const name of ["../../etc/passwd.fa", "..\\..\\win.fa", "%2e%2e%2fx.fa", "evil\u202Eaf.exe", "a".repeat(300) + ".fa"]) {
      const job = await createJob(jobDepsFor(t.db, s.storage), userId, uploadRequest({ name, data: randomGenome(500) }));
      expect(job.inputFilePath).toBe(`inputs/${job.id}.fa`);
      expect(job.inputFileName).not.toMatch(/[\\/\u202E]/);
      expect(job.inputFileName!.length).toBeLessThanOrEqual(255);
    }
    expect(filesUnder(s.dir).every((f) => /^inputs\/[0-9a-f-]{36}\.fa$/.test(f))).toBe(true);
  });

  it("accepts CRLF, lowercase and IUPAC codes", async () => {
    const text = ">c1 desc\r\nacgtnnnnRYKM\r\n\r\nACGT\r\n>c2\r\nGGGG\r\n";
    const job = await createJob(jobDepsFor(t.db, s.storage), userId, uploadRequest({ name: "x.fa", data: text }));
    expect(job).toMatchObject({ inputContigs: 2, inputBases: 20 });
  });

  it("answers 413 past the upload limit and keeps nothing", async () => {
    await expectRejected(uploadRequest({ name: "big.fa", data: randomGenome(20_000) }), "payload_too_large", /upload limit/, {
      maxUploadBytes: 8 * 1024,
    });
  });

  it("answers 413 for a gzip bomb as soon as it inflates past the limit", async () => {
    const bomb = gzipSync(Buffer.concat([Buffer.from(">bomb\n"), Buffer.alloc(30 * 1024 * 1024, "A")]));
    expect(bomb.length).toBeLessThan(100 * 1024);
    await expectRejected(uploadRequest({ name: "bomb.fa.gz", data: bomb }), "payload_too_large", /./, {
      maxUncompressedBytes: 1024 * 1024,
    });
  });

  it.each([
    ["a renamed PNG", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), /./],
    ["a header-only file", ">only a header\n", /./],
    ["sequence before a header", "ACGT\n>c\nACGT\n", /Line 1/],
    ["a non-nucleotide letter", ">c\nACGTJ\n", /Line 2/],
    ["NUL bytes", Buffer.from(">c\nAC\0GT\n"), /./],
  ])("answers 422 for %s", async (_label, data, message) => {
    await expectRejected(uploadRequest({ name: "x.fa", data }), "invalid_genome", message);
  });

  it("answers 422 for an empty file", async () => {
    await expectRejected(uploadRequest({ name: "empty.fa", data: "" }), "invalid_genome", /empty/i);
  });

  it("answers 400 with the allowed range for bad parameters, and for an unknown model", async () => {
    await expectRejected(uploadRequest({ name: "x.fa", data: randomGenome(300) }, { batchSize: "5000" }), "validation_failed", /1024/);
    await expectRejected(uploadRequest({ name: "x.fa", data: randomGenome(300) }, { segmentLength: "ten" }), "validation_failed", /number/);
    await expectRejected(uploadRequest({ name: "x.fa", data: randomGenome(300) }, { modelName: "gpt" }), "validation_failed", /Unknown model/);
    await expectRejected(uploadRequest({ name: "x.fa", data: randomGenome(300) }, { useCpu: "false" }), "validation_failed", /accelerator/);
  });

  it("answers 400 without a file or without multipart", async () => {
    await expectRejected(uploadRequest(null, { jobName: "x" }), "bad_request", /file/);
    const req = new Request("http://localhost/api/jobs", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    await expectRejected(req, "unsupported_media_type", /multipart/);
  });

  it("ignores injected internal fields", async () => {
    const job = await createJob(
      jobDepsFor(t.db, s.storage),
      userId,
      uploadRequest({ name: "x.fa", data: randomGenome(300) }, { userId: "someone-else", status: "Completed", resultFilePath: "/etc" }),
    );
    expect(job).toMatchObject({ userId, status: "Submitted", resultFilePath: null });
  });

  it("answers 429 once a user has too many unfinished jobs", async () => {
    const deps = jobDepsFor(t.db, s.storage, { maxActiveJobsPerUser: 2 });
    for (let i = 0; i < 2; i++) await createJob(deps, userId, uploadRequest({ name: "x.fa", data: randomGenome(300, i + 1) }));
    const err = await createJob(deps, userId, uploadRequest({ name: "x.fa", data: randomGenome(300) })).catch((e: unknown) => e);
    expect((err as AppError).code).toBe("rate_limited");
    expect(await t.db.amrJob.count()).toBe(2);
  });
});

describe("a full disk", () => {
  it("fails the upload with a generic error, keeps no row or file, and the next upload works", async () => {
    // /dev/full answers every write with ENOSPC, as a full disk does: the upload's staging file.
    const fullDisk = async () => ({ path: "/dev/full", discard: async () => undefined });
    const err = await createJob(jobDepsFor(t.db, s.storage, { createTemp: fullDisk }), userId, uploadRequest({ name: "g.fa", data: randomGenome(5000) })).catch(
      (e: unknown) => e,
    );
    expect((err as NodeJS.ErrnoException).code).toBe("ENOSPC");
    const { status, body } = toErrorPayload(err);
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/ENOSPC|dev\/full/);
    expect(await t.db.amrJob.count()).toBe(0);
    expect(filesUnder(s.dir)).toEqual([]);
    await expect(createJob(jobDepsFor(t.db, s.storage), userId, uploadRequest({ name: "g.fa", data: randomGenome(500) }))).resolves.toMatchObject({
      status: "Submitted",
    });
  });
});
