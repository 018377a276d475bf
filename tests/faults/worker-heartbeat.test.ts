// JD3: leases and heartbeats with the engine in its own process. A CPU-bound step longer than
// the lease does not lose the job (the worker's event loop is free to renew it); an engine
// process killed under a worker is noticed at once and the job retried.
import { kill } from "node:process";
import { describe, expect, it } from "vitest";
import { faultWorld, waitForRow, workerStarted, LEASE_MS, type FaultWorld } from "./fault-world";


/** The pid of the engine child running this job, from the fake engine's log. */
function enginePid(w: FaultWorld, jobId: string): number | undefined {
  const line = w.engineLogLines().find((l) => l.startsWith("start ") && l.includes(`/inputs/${jobId}.fa`));
  return line ? Number(line.split(" ")[1]) : undefined;
}

describe.concurrent("JD3: heartbeats while the engine works in a child process", () => {
  it(`a CPU-bound step of 2.5 leases (${2.5 * LEASE_MS} ms) is not reclaimed, by its worker or another one`, async ({ onTestFinished }) => {
    const w = await faultWorld(onTestFinished);
    const [id] = await w.queue(1);
    const a = w.startWorker("worker A", { FAKE_ENGINE_BUSY_MS: String(2.5 * LEASE_MS), FAKE_ENGINE_PROGRESS: "10,70" });
    const claimed = await waitForRow("worker A to claim the job", async () => {
      const r = await w.row(id);
      return r.status === "Processing" ? r : undefined;
    }, [a]);
    // A second worker sweeping expired leases the whole time.
    const b = w.startWorker("worker B");
    await workerStarted(b);
    const leaseEnds = new Set<number>();
    const done = await waitForRow("the job to complete", async () => {
      const r = await w.row(id);
      if (r.leaseExpiresAt) leaseEnds.add(r.leaseExpiresAt.getTime());
      return r.status === "Completed" ? r : undefined;
    }, [a, b]);
    expect(done.attempts).toBe(1);
    expect(w.runs(id)).toEqual({ started: 1, done: 1 });
    // The lease was renewed during the step, past the end of the first one.
    expect(Math.max(...leaseEnds)).toBeGreaterThan(claimed.leaseExpiresAt!.getTime() + LEASE_MS);
    expect(a.output() + b.output()).not.toContain("lease expired");
  }, 60_000);

  it("an engine child SIGKILLed mid-run is detected at once: the job is queued for a retry, then completes", async ({ onTestFinished }) => {
    const w = await faultWorld(onTestFinished);
    const [id] = await w.queue(1);
    const a = w.startWorker("worker A", { FAKE_ENGINE_STEP_MS: "1000" });
    const pid = await waitForRow("the engine to start", async () => enginePid(w, id), [a]);
    await waitForRow("the job to be running", async () => ((await w.row(id)).status === "Processing" ? true : undefined), [a]);
    const killedAt = Date.now();
    kill(pid, "SIGKILL");
    const retrying = await waitForRow("the job to leave Processing", async () => {
      const r = await w.row(id);
      return r.status !== "Processing" ? r : undefined;
    }, [a]);
    const detectedMs = Date.now() - killedAt;
    console.log(`[faults] killed engine child detected and job re-queued in ${detectedMs} ms (lease ${LEASE_MS} ms)`);
    expect(retrying).toMatchObject({ status: "Submitted", attempts: 1, leaseOwner: null });
    expect(retrying.notBefore).not.toBeNull();
    expect(retrying.error).toMatch(/stopped unexpectedly.*Attempt 1 of 3 failed; it will be retried automatically/);

    const done = await waitForRow("the retry to complete", async () => {
      const r = await w.row(id);
      return r.status === "Completed" ? r : undefined;
    }, [a]);
    expect(done).toMatchObject({ attempts: 2, error: null, notBefore: null });
    expect(w.runs(id)).toEqual({ started: 2, done: 1 });
  }, 60_000);
});
