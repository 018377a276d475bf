import { describe, expect, it } from "vitest";
import { closeDb, createDb } from "@/lib/db";
import { insertJob } from "@/lib/jobs/job-repository";
import { systemClock } from "@/lib/jobs/worker/clock";
import { startWorker } from "@/lib/jobs/worker/worker-loop";
import { controllableRunner, waitFor } from "../helpers/fake-runner";
import { withTestDbAndStorage, type TempStorage } from "../helpers/jobs";
import { defaultParams, seedUser, type TestDb } from "../helpers/test-db";

let t: TestDb;
let s: TempStorage;
withTestDbAndStorage((db, storage) => {
  t = db;
  s = storage;
});

describe("LISTEN/NOTIFY (PostgreSQL)", () => {
  it("wakes an idle worker on another connection as soon as a job is queued, long before its next poll", async () => {
    const user = await seedUser(t.db);
    const workerDb = createDb(t.url); // as if on another machine: its own pool and listener
    const claimed: number[] = [];
    const worker = startWorker({
      db: workerDb,
      storage: s.storage,
      runner: controllableRunner().runner,
      clock: systemClock,
      concurrency: 1,
      leaseMs: 30_000,
      maxAttempts: 3,
      pollMs: 120_000, // polling alone would not find the job within this test
      reclaimEveryMs: 600_000,
      cancelPollMs: 1000,
      progressIntervalMs: 0,
      log: (m) => {
        if (/ claimed job /.test(m)) claimed.push(Date.now());
      },
    });
    try {
      // Its first poll finds nothing; give the listener time to connect.
      await new Promise((r) => setTimeout(r, 500));
      expect(claimed).toHaveLength(0);
      for (let i = 0; i < 3; i++) {
        const job = await insertJob(t.db, { userId: user.id, jobName: `n${i}`, params: defaultParams, inputFilePath: `inputs/missing-${i}.fa` });
        // The worker logs its claim just after the row changes: wait for the log, not the row.
        await waitFor(() => claimed.length === i + 1, 5000, 10);
        expect((await t.db.amrJob.findUniqueOrThrow({ where: { id: job.id } })).status).not.toBe("Submitted");
      }
    } finally {
      await worker.stop();
      await closeDb(workerDb);
    }
  });
});
