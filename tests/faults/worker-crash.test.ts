// JD2: a worker process really SIGKILLed in the middle of a job (at 40 %, by a fail point).
import { describe, expect, it } from "vitest";
import { faultWorld, LEASE_MS, waitForRow, workerStarted } from "./fault-world";


// Each engine run reports 10 %, 40 %, 70 % 1.3 s apart, so each report is written (at most one
// progress write a second); the fail point fires at the first committed write of 40 % or more.
const SLOW = { FAKE_ENGINE_STEP_MS: "1300" };
const KILL_AT_40 = { ...SLOW, AMR_FAILPOINT: "job:progress>=40" };

describe.concurrent("JD2: a worker SIGKILLed at 40 %", () => {
  it("leaves the job leased until the lease expires; another worker then runs it again (attempt 2) to completion", async ({ onTestFinished }) => {
    const w = await faultWorld(onTestFinished);
    const [id] = await w.queue(1);
    const a = w.startWorker("worker A", KILL_AT_40);
    expect(await a.closed).toMatchObject({ signal: "SIGKILL" });
    const killedAt = Number(/\[failpoint\] job:progress \(([\d.]+)\): kill/.exec(a.output())?.[1]);
    const dead = await w.row(id);
    expect(dead).toMatchObject({ status: "Processing", progress: killedAt, attempts: 1 });
    expect(killedAt).toBeGreaterThanOrEqual(40);
    expect(killedAt).toBeLessThan(100);

    const b = w.startWorker("worker B");
    await workerStarted(b);
    const done = await waitForRow("the job to complete on worker B", async () => {
      const r = await w.row(id);
      return r.status === "Completed" ? r : undefined;
    }, [b]);
    expect(done).toMatchObject({ attempts: 2, progress: 100, error: null });
    // Not reclaimed early: the second attempt started only once the dead worker's lease had run out
    // (both times from the database's clock), although worker B was sweeping from its first second.
    expect(done.startedAt!.getTime()).toBeGreaterThanOrEqual(dead.leaseExpiresAt!.getTime());
    console.log(`[faults] killed at ${killedAt} %; attempt 2 started ${done.startedAt!.getTime() - dead.updatedAt.getTime()} ms after the dead worker's last write (lease ${LEASE_MS} ms)`);
    expect(b.output()).toContain(`job ${id}: lease expired → Submitted`);
    expect(w.runs(id)).toEqual({ started: 2, done: 1 });
  }, 60_000);

  it("ends in Error with a message once the maximum attempts are used up by crashes", async ({ onTestFinished }) => {
    const w = await faultWorld(onTestFinished);
    const [id] = await w.queue(1);
    const two = { WORKER_MAX_ATTEMPTS: "2" };
    const a1 = w.startWorker("worker A1", { ...two, ...KILL_AT_40 });
    expect(await a1.closed).toMatchObject({ signal: "SIGKILL" });
    const a2 = w.startWorker("worker A2", { ...two, ...KILL_AT_40 });
    expect(await a2.closed).toMatchObject({ signal: "SIGKILL" });
    expect(await w.row(id)).toMatchObject({ status: "Processing", attempts: 2 });

    const b = w.startWorker("worker B", two);
    const failed = await waitForRow("the job to end in Error", async () => {
      const r = await w.row(id);
      return r.status === "Error" ? r : undefined;
    }, [b]);
    expect(failed.attempts).toBe(2);
    expect(failed.error).toMatch(/stopped responding 2 times.*will not be retried/);
    expect(w.runs(id)).toEqual({ started: 2, done: 0 });
  }, 60_000);
});
