// A scripted engine for the process-level fault tests, run exactly where the real one runs: the
// worker forks it as its engine child (AMR_WORKER_PATH) and it speaks the same protocol
// (lib/amr/worker-protocol.ts). Its behaviour comes from the environment it inherits:
//   FAKE_ENGINE_LOG          append "start|done <pid> <input>" lines (which runs happened, where)
//   FAKE_ENGINE_PROGRESS     percentages reported in turn (default 10,40,70)
//   FAKE_ENGINE_STEP_MS      pause after each report (default 50)
//   FAKE_ENGINE_BUSY_MS      a CPU-bound step after the first report: no events, no messages
//   FAKE_ENGINE_CRASH_RUNS   the first N runs of each input SIGKILL themselves after the first report
//   FAKE_ENGINE_FAIL=fasta   answer with a (permanent) FASTA error instead of a result
//   FAKE_ENGINE_MATCH        crashes and failures only for inputs whose path contains this
//
// Also runs as a worker thread (AMR_ENGINE_ISOLATION=thread), where it must not crash: a kill
// there would take the worker's whole process.
import { appendFileSync, readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const env = process.env;
const logFile = env.FAKE_ENGINE_LOG;
const log = (line) => logFile && appendFileSync(logFile, `${line}\n`);
const previousRuns = (input) => {
  if (!logFile) return 0;
  try {
    return readFileSync(logFile, "utf8").split("\n").filter((l) => l.startsWith("start ") && l.endsWith(` ${input}`)).length;
  } catch {
    return 0;
  }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const TOTAL = 1000;
// The worker shows 3 + 94 × (bases done / total) percent while searching (lib/jobs/worker/progress-tracker.ts).
const progress = (percent) => ({
  phase: "searching",
  segmentsDone: Math.round(percent),
  segmentsTotal: 100,
  basesDone: Math.round(((percent - 3) / 94) * TOTAL),
  basesTotal: TOTAL,
});

async function run(input, send) {
  const targeted = !env.FAKE_ENGINE_MATCH || input.inputPath.includes(env.FAKE_ENGINE_MATCH);
  const crash = targeted && previousRuns(input.inputPath) < Number(env.FAKE_ENGINE_CRASH_RUNS ?? 0);
  log(`start ${process.pid} ${input.inputPath}`);
  const marks = (env.FAKE_ENGINE_PROGRESS ?? "10,40,70").split(",").map(Number);
  for (const [i, percent] of marks.entries()) {
    send({ type: "progress", progress: progress(percent) });
    if (i === 0 && crash && !parentPort) process.kill(process.pid, "SIGKILL");
    if (i === 0 && env.FAKE_ENGINE_BUSY_MS) {
      const end = Date.now() + Number(env.FAKE_ENGINE_BUSY_MS);
      while (Date.now() < end); // deliberately blocks: a long CPU-bound step
    }
    await sleep(Number(env.FAKE_ENGINE_STEP_MS ?? 50));
  }
  if (targeted && env.FAKE_ENGINE_FAIL === "fasta") {
    send({ type: "error", error: { name: "FastaError", message: "Line 1: the file does not start with a FASTA header", code: "sequence_before_header", line: 1 } });
    return;
  }
  log(`done ${process.pid} ${input.inputPath}`);
  send({
    type: "result",
    result: {
      model: "resfinder-genes",
      input: { contigs: 1, bases: TOTAL },
      genes: [],
      phenotypes: [{ antibiotic: "ampicillin", class: "beta-lactam", phenotype: "No resistance detected", genes: [] }],
    },
  });
}

if (parentPort) {
  const port = parentPort;
  void run(workerData, (m) => port.postMessage(m));
} else {
  process.once("disconnect", () => process.exit(1));
  process.once("message", (input) => void run(input, (m) => process.send(m)));
}
