import { describe, expect, it } from "vitest";
import { loadCatalog, predictAmr, readFasta, SENSITIVE_MODEL } from "@/lib/amr";
import { createJob } from "@/lib/jobs/create-job";
import { claimNextJob } from "@/lib/jobs/job-repository";
import { getJob } from "@/lib/jobs/queries";
import { readResult } from "@/lib/jobs/read-result";
import { systemClock } from "@/lib/jobs/worker/clock";
import { workerThreadRunner } from "@/lib/jobs/worker/engine-runner";
import { runClaimedJob } from "@/lib/jobs/worker/run-claimed-job";
import type { AmrResult } from "@/lib/amr/types";
import { generateSensitiveGenome } from "../helpers/sensitive-genome";
import { seedUser, type TestDb } from "../helpers/test-db";
import { jobDepsFor, streamText, uploadRequest, withTestDbAndStorage, type TempStorage } from "../helpers/jobs";

let t: TestDb;
let s: TempStorage;
withTestDbAndStorage((db, storage) => {
  t = db;
  s = storage;
});

describe("a job with the resfinder-sensitive model", () => {
  it("stores the model with the job, runs it in the worker and says so in the results", async () => {
    const user = await seedUser(t.db);
    const catalog = await loadCatalog();
    const genome = generateSensitiveGenome(catalog, 2);
    const job = await createJob(
      jobDepsFor(t.db, s.storage),
      user.id,
      uploadRequest({ name: "draft.fa", data: genome.fasta }, { jobName: "draft", model_name: SENSITIVE_MODEL }),
    );
    const claim = await claimNextJob(t.db, "w", { leaseMs: 30_000 });
    const outcome = await runClaimedJob(
      { db: t.db, storage: s.storage, runner: workerThreadRunner, clock: systemClock, leaseMs: 30_000, cancelPollMs: 200, progressIntervalMs: 0 },
      claim!,
      new AbortController().signal,
    );
    expect(outcome).toBe("Completed");
    const done = await getJob(t.db, job.id);
    expect(done?.params?.modelName).toBe(SENSITIVE_MODEL);

    const result = JSON.parse(await streamText((await readResult(t.db, s.storage, user.id, job.id, "json")).body)) as AmrResult;
    expect(result.model).toBe(SENSITIVE_MODEL);
    expect(result).toEqual(await predictAmr(await readFasta([Buffer.from(genome.fasta)]), catalog, done!.params!));
    const split = result.genes.filter((g) => g.split);
    expect(split.length).toBe(genome.inserts.filter((i) => i.kind === "split").length);
    expect(split.every((g) => g.sensitiveOnly && g.pieces?.length === 2)).toBe(true);
    expect(result.genes.filter((g) => g.sensitiveOnly && !g.split).length).toBeGreaterThanOrEqual(4);
  });
});
