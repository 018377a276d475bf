// JD6: retries with backoff across real engine processes. Transient failures (the engine process
// dying) send the job back to the queue with a not-before time; permanent ones end it at once.
import { describe, expect, it } from "vitest";
import { faultWorld, waitForRow } from "./fault-world";


const terminal = (s: string) => ["Completed", "Error", "Cancelled"].includes(s);

describe.concurrent("JD6: retries with backoff", () => {
  it("two transient failures, then success: Completed on attempt 3, never claimed before its not-before time", async ({ onTestFinished }) => {
    const w = await faultWorld(onTestFinished);
    const [id] = await w.queue(1);
    const a = w.startWorker("worker", { FAKE_ENGINE_CRASH_RUNS: "2", FAKE_ENGINE_STEP_MS: "20" });
    // Every state the job passes through, as seen by polling (retry delays here are 150–600 ms).
    const seen: { status: string; attempts: number; notBefore: Date | null; startedAt: Date | null }[] = [];
    const done = await waitForRow("the job to finish", async () => {
      const r = await w.row(id);
      const last = seen.at(-1);
      if (!last || last.status !== r.status || last.attempts !== r.attempts) seen.push(r);
      return terminal(r.status) ? r : undefined;
    }, [a]);
    expect(done).toMatchObject({ status: "Completed", attempts: 3, error: null, notBefore: null });
    expect(w.runs(id)).toEqual({ started: 3, done: 1 });
    const waits = seen.filter((r) => r.status === "Submitted" && r.notBefore);
    expect(waits.map((r) => r.attempts)).toEqual([1, 2]);
    for (const wait of waits) {
      const next = seen.find((r) => r.status !== "Submitted" && r.attempts === wait.attempts + 1);
      if (next?.startedAt) expect(next.startedAt.getTime()).toBeGreaterThanOrEqual(wait.notBefore!.getTime());
    }
    expect(a.output()).toMatch(/transient failure, retry in \d+ ms/);
  }, 60_000);

  it("a job failing every time ends in Error at the maximum attempts while the queue keeps moving", async ({ onTestFinished }) => {
    const w = await faultWorld(onTestFinished);
    const [bad, ...good] = await w.queue(4);
    const a = w.startWorker("worker", { FAKE_ENGINE_CRASH_RUNS: "99", FAKE_ENGINE_MATCH: bad, FAKE_ENGINE_STEP_MS: "20", WORKER_RETRY_BASE_MS: "1000" });
    const failed = await waitForRow("the failing job to end", async () => {
      const r = await w.row(bad);
      return terminal(r.status) ? r : undefined;
    }, [a]);
    expect(failed).toMatchObject({ status: "Error", attempts: 3 });
    expect(failed.error).toMatch(/stopped unexpectedly\. It failed 3 times and will not be retried/);
    expect(w.runs(bad)).toEqual({ started: 3, done: 0 });
    // The others did not wait behind it: they ran while it was backing off (it is the oldest job,
    // so without the backoff every claim would have taken it first), and all completed.
    const others = await waitForRow("the other jobs to complete", async () => {
      const rows = await w.db.amrJob.findMany({ where: { id: { in: good } } });
      return rows.every((r) => r.status === "Completed") ? rows : undefined;
    }, [a]);
    expect(others.some((r) => r.completedAt!.getTime() < failed.completedAt!.getTime())).toBe(true);
  }, 60_000);

  it("a permanent failure (an unreadable genome) ends in Error on the first attempt, without retries", async ({ onTestFinished }) => {
    const w = await faultWorld(onTestFinished);
    const [bad, good] = await w.queue(2);
    const a = w.startWorker("worker", { FAKE_ENGINE_FAIL: "fasta", FAKE_ENGINE_MATCH: bad, FAKE_ENGINE_STEP_MS: "20" });
    const failed = await waitForRow("the bad job to end", async () => {
      const r = await w.row(bad);
      return terminal(r.status) ? r : undefined;
    }, [a]);
    expect(failed).toMatchObject({ status: "Error", attempts: 1, notBefore: null });
    expect(failed.error).toMatch(/^The genome file could not be read: Line 1/);
    expect(w.runs(bad).started).toBe(1);
    await waitForRow("the other job to complete", async () => ((await w.row(good)).status === "Completed" ? true : undefined), [a]);
  }, 60_000);
});
