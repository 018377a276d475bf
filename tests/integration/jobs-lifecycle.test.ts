import { readFileSync, createReadStream } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCatalog, predictAmr, readFasta, toGenesTsv } from "@/lib/amr";
import { claimNextJob } from "@/lib/jobs/job-repository";
import { createJob } from "@/lib/jobs/create-job";
import { getJob } from "@/lib/jobs/queries";
import { readResult } from "@/lib/jobs/read-result";
import { systemClock } from "@/lib/jobs/worker/clock";
import { workerThreadRunner } from "@/lib/jobs/worker/engine-runner";
import { runClaimedJob, type RunDeps } from "@/lib/jobs/worker/run-claimed-job";
import { seedUser, type TestDb } from "../helpers/test-db";
import { EXAMPLES, filesUnder, streamText, jobDepsFor, uploadRequest, withTestDbAndStorage, type TempStorage } from "../helpers/jobs";

let t: TestDb;
let s: TempStorage;
withTestDbAndStorage((db, storage) => {
  t = db;
  s = storage;
});

const runDeps = (): RunDeps => ({
  db: t.db,
  storage: s.storage,
  runner: workerThreadRunner,
  clock: systemClock,
  leaseMs: 30_000,
  cancelPollMs: 200,
  progressIntervalMs: 0,
});

describe("a job from upload to results, with the real engine off-thread", () => {
  it("completes with results identical to a direct engine run on the same file", async () => {
    const user = await seedUser(t.db);
    const file = `${EXAMPLES}/test_isolate_01.fa.gz`;
    const job = await createJob(
      jobDepsFor(t.db, s.storage),
      user.id,
      uploadRequest({ name: "isolate01.fa.gz", data: readFileSync(file) }, { jobName: "iso01", segmentLength: "2000", batchSize: "2" }),
    );
    const claim = await claimNextJob(t.db, "test-worker", { leaseMs: 30_000 });
    expect(claim?.jobId).toBe(job.id);

    const outcome = await runClaimedJob(runDeps(), claim!, new AbortController().signal);
    expect(outcome).toBe("Completed");

    const done = await getJob(t.db, job.id);
    expect(done).toMatchObject({ status: "Completed", progress: 100, leaseToken: null, error: null });
    expect(done!.completedAt!.getTime()).toBeGreaterThanOrEqual(done!.startedAt!.getTime());
    expect(done!.version).toBeGreaterThan(1);

    const direct = await predictAmr(await readFasta(createReadStream(file)), await loadCatalog(), {
      ...done!.params!,
    });
    const json = await readResult(t.db, s.storage, user.id, job.id, "json");
    expect(JSON.parse(await streamText(json.body))).toEqual(direct);
    expect(direct.genes.map((g) => g.refId)).toContain("blaB-2_1_AF189300");

    const tsv = await readResult(t.db, s.storage, user.id, job.id, "genes.tsv");
    expect(await streamText(tsv.body)).toBe(toGenesTsv(direct, "iso01"));
    expect(tsv.fileName).toBe("iso01.genes.tsv");
    const pheno = await readResult(t.db, s.storage, user.id, job.id, "phenotypes.tsv");
    expect(await streamText(pheno.body)).toMatch(/iso01\tampicillin\t.*\tResistant\tblaB-2_1_AF189300/);

    // One input and one result folder; nothing in tmp.
    const files = filesUnder(s.dir);
    expect(files.filter((f) => f.startsWith("tmp/"))).toEqual([]);
    expect(files).toContain(`inputs/${job.id}.fa.gz`);
    expect(files.filter((f) => f.startsWith(`results/${job.id}/`))).toHaveLength(3);
  });

  it("sets Error with a readable message when the engine cannot read the file", async () => {
    const user = await seedUser(t.db);
    const job = await createJob(jobDepsFor(t.db, s.storage), user.id, uploadRequest({ name: "a.fa", data: ">a\nACGT\n" }));
    // Corrupt the stored input after validation, as a disk fault would.
    await s.storage.put(job.inputFilePath!, "not a fasta at all\n");
    const claim = await claimNextJob(t.db, "w", { leaseMs: 30_000 });
    expect(await runClaimedJob(runDeps(), claim!, new AbortController().signal)).toBe("Error");
    const row = await getJob(t.db, job.id);
    expect(row?.status).toBe("Error");
    expect(row?.error).toMatch(/could not be read: Line 1/);
    await expect(readResult(t.db, s.storage, user.id, job.id, "json")).rejects.toMatchObject({ code: "conflict" });
  });
});
