// JD4: a worker frozen (SIGSTOP, by a fail point) past its lease while another process takes the
// job over; once it thaws (SIGCONT) its writes must change nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder } from "../helpers/jobs";
import { stopGracefully } from "../multi/processes";
import { faultWorld, waitForRow } from "./fault-world";


/** The process state letter from /proc (T = stopped). */
function procState(pid: number): string {
  return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] ?? "?";
}

// Two places to freeze: mid-run (its engine child runs on and answers while A is frozen), and
// after A wrote its result files, just before its completing UPDATE, which then runs first thing
// after SIGCONT and must match no row.
const FREEZES = [
  { at: "at 40 %", failpoint: "job:progress>=40:stop", fired: /job:progress \(\d+(\.\d)?\): stop/ },
  { at: "just before completing", failpoint: "job:results-written:stop", fired: /job:results-written: stop/ },
];

describe.concurrent("JD4: fencing a stalled worker", () => {
  it.for(FREEZES)("a worker frozen $at and thawed after another completed the job writes nothing", { timeout: 60_000 }, async ({ failpoint, fired }, { onTestFinished }) => {
    const w = await faultWorld(onTestFinished);
    const [id] = await w.queue(1);
    const a = w.startWorker("worker A", { FAKE_ENGINE_STEP_MS: "1300", AMR_FAILPOINT: failpoint });
    await waitForRow("worker A to freeze", async () => (fired.test(a.output()) && procState(a.pid) === "T" ? true : undefined), [a]);
    const frozen = await w.row(id);
    expect(frozen).toMatchObject({ status: "Processing", attempts: 1 });
    expect(frozen.progress).toBeGreaterThanOrEqual(40);

    const b = w.startWorker("worker B");
    const won = await waitForRow("worker B to complete the job", async () => {
      const r = await w.row(id);
      return r.status === "Completed" ? r : undefined;
    }, [b]);
    expect(won.attempts).toBe(2);
    expect(won.leaseOwner).toBeNull();
    // B's own folder (results/<job>/<B's lease>/); A's folder, if any, is removed by B's cleanup or by A.
    const winnerFiles = filesUnder(w.storageDir).filter((f) => f.startsWith(won.resultFilePath!));
    expect(winnerFiles.length).toBeGreaterThan(0);
    const winnerBytes = winnerFiles.map((f) => readFileSync(path.join(w.storageDir, f)));

    process.kill(a.pid, "SIGCONT");
    // A resumes with its engine's answer (or its lease check) and finds the lease gone.
    await waitForRow("worker A to notice it lost the job", async () => (a.output().includes(`job ${id} → lease_lost`) ? true : undefined), [a]);
    const after = await w.row(id);
    expect(after).toEqual(won); // not one column changed, version included
    expect(filesUnder(w.storageDir).filter((f) => f.startsWith(`results/${id}/`))).toEqual(winnerFiles);
    expect(winnerFiles.map((f) => readFileSync(path.join(w.storageDir, f)))).toEqual(winnerBytes);
    expect(w.runs(id).started).toBe(2);
    expect(await stopGracefully(a)).toMatchObject({ code: 0, forced: false });
  });
});
