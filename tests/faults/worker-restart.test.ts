// JD5: 50 queued jobs and a worker process stopped in the middle of them, politely (SIGTERM) or
// not (SIGKILL); a restarted worker finishes them all.
import { describe, expect, it } from "vitest";
import { filesUnder } from "../helpers/jobs";
import { killHard, stopGracefully, type Proc } from "../multi/processes";
import { faultWorld, waitForRow, type FaultWorld } from "./fault-world";


const JOBS = 50;
// The engine as a worker thread here: this test is about the worker process, and a thread starts
// far quicker than a process on a busy machine.
const QUICK = { AMR_ENGINE_ISOLATION: "thread", WORKER_CONCURRENCY: "4", FAKE_ENGINE_PROGRESS: "50", FAKE_ENGINE_STEP_MS: "20" };

async function byStatus(w: FaultWorld) {
  const rows = await w.db.amrJob.findMany({ select: { id: true, status: true, attempts: true } });
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  return { rows, completed: count("Completed"), processing: rows.filter((r) => r.status === "Processing").map((r) => r.id), submitted: count("Submitted") };
}

/** Mid-queue: some done, several running. */
function midQueue(w: FaultWorld, proc: Proc) {
  return waitForRow("the worker to be mid-queue", async () => {
    const s = await byStatus(w);
    return s.completed >= 5 && s.processing.length >= 2 ? s : undefined;
  }, [proc]);
}

async function expectAllCompletedOnce(w: FaultWorld, ids: string[]) {
  const rows = await w.db.amrJob.findMany();
  expect(rows.map((r) => r.status)).toEqual(ids.map(() => "Completed"));
  // One result folder per job: the winning attempt's (earlier attempts' folders removed).
  const folders = new Set(filesUnder(w.storageDir).filter((f) => f.startsWith("results/")).map((f) => f.split("/").slice(0, 3).join("/")));
  expect(folders.size).toBe(ids.length);
}

describe.concurrent("JD5: restarting a worker in the middle of a queue", () => {
  it("SIGTERM: claiming stops, the running jobs are handed back (attempt not counted), and a restarted worker finishes all", async ({ onTestFinished }) => {
    const w = await faultWorld(onTestFinished);
    const ids = await w.queue(JOBS);
    const first = w.startWorker("worker 1", QUICK);
    await midQueue(w, first);
    const stop = await stopGracefully(first);
    expect(stop).toMatchObject({ code: 0, forced: false });
    const released = Number(/SIGTERM: releasing (\d+) running job\(s\)/.exec(first.output())?.[1]);
    expect(released).toBeGreaterThanOrEqual(1);

    const stopped = await byStatus(w);
    expect(stopped.processing).toEqual([]);
    expect(stopped.completed + stopped.submitted).toBe(JOBS);
    // Handed back, not failed: every queued job is at attempt 0 again.
    for (const r of stopped.rows.filter((r) => r.status === "Submitted")) expect(r.attempts).toBe(0);

    const second = w.startWorker("worker 2", QUICK);
    await waitForRow("every job to complete", async () => ((await byStatus(w)).completed === JOBS ? true : undefined), [second], 60_000);
    await expectAllCompletedOnce(w, ids);
    expect((await w.db.amrJob.findMany({ where: { attempts: { not: 1 } } })).length).toBe(0);
    // Only the handed-back jobs ran more than once (their first run was aborted, or its answer
    // dropped if it came in during the shutdown).
    const reruns = ids.filter((id) => w.runs(id).started > 1);
    expect(reruns.length).toBeLessThanOrEqual(released);
  }, 90_000);

  it("SIGKILL of the worker: the leased jobs wait out their lease, then everything completes", async ({ onTestFinished }) => {
    const w = await faultWorld(onTestFinished);
    const ids = await w.queue(JOBS);
    const first = w.startWorker("worker 1", QUICK);
    await midQueue(w, first);
    await killHard(first);
    const killed = await byStatus(w);
    // The kill may land between a completion and the next claim: one or more jobs are left leased.
    expect(killed.processing.length).toBeGreaterThanOrEqual(1);

    const second = w.startWorker("worker 2", QUICK);
    await waitForRow("every job to complete", async () => ((await byStatus(w)).completed === JOBS ? true : undefined), [second], 60_000);
    await expectAllCompletedOnce(w, ids);
    const rows = new Map((await w.db.amrJob.findMany()).map((r) => [r.id, r]));
    for (const id of killed.processing) expect(rows.get(id)?.attempts).toBe(2);
    expect(second.output()).toContain("lease expired → Submitted");
  }, 90_000);
});
