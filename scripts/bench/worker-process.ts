// One worker process of `bench:workers` (scripts/bench-workers.ts forks it with tsx). It runs the
// production worker loop (startWorker, production timings) with a scripted engine, appends each
// job it runs to a shared O_APPEND log, and exits once the queue is empty.
//
// Handshake: the parent starts timing only when every process has sent "ready" (database
// connected, first queries done) and then sends "go", so tsx start-up and Prisma's first-query
// set-up, which vary a lot on a busy 2-core machine, are not counted as queue throughput.
import { appendFileSync } from "node:fs";
import { closeDb, createDb, sqlOf } from "@/lib/db";
import type { AmrResult } from "@/lib/amr/types";
import { HEARTBEAT_EVERY_MS } from "@/lib/jobs/worker/config";
import { systemClock } from "@/lib/jobs/worker/clock";
import { workerTimings } from "@/lib/jobs/worker/config";
import type { EngineRunner } from "@/lib/jobs/worker/engine-runner";
import { startWorker } from "@/lib/jobs/worker/worker-loop";
import { LocalStorage } from "@/lib/storage/local-storage";
import { burn } from "./burn";

export interface WorkerProcessConfig {
  url: string;
  storageDir: string;
  logFile: string;
  name: string;
  concurrency: number;
  work: { kind: "cpu"; iterations: number } | { kind: "sleep"; ms: number };
}

export interface WorkerProcessReport {
  name: string;
  ran: number;
  outcomes: Record<string, number>;
  /** Date.now() when this process finished its last job (0: it ran none). */
  lastFinishedAt: number;
}

const cfg = JSON.parse(process.argv[2]) as WorkerProcessConfig;

const result: AmrResult = {
  model: "resfinder-genes",
  input: { contigs: 1, bases: 1000 },
  genes: [],
  phenotypes: [{ antibiotic: "ampicillin", class: "beta-lactam", phenotype: "No resistance detected", genes: [] }],
};

let sink = 0;
const runner: EngineRunner = async (run) => {
  appendFileSync(cfg.logFile, `${cfg.name} ${run.inputPath}\n`);
  // The first progress report of a run is always written, as a real run's is.
  run.onProgress({ phase: "searching", segmentsDone: 0, segmentsTotal: 1, basesDone: 0, basesTotal: 1000 });
  const work = cfg.work;
  if (work.kind === "cpu") sink ^= burn(work.iterations);
  else await new Promise((r) => setTimeout(r, work.ms));
  return result;
};

const db = createDb(cfg.url);
await sqlOf(db).ping();
await db.amrJob.count({ where: { status: "Submitted" } });
sink ^= burn(1000); // the burn loop compiled before timing starts

await new Promise<void>((resolve) => {
  process.once("message", () => resolve());
  process.send!("ready");
});

const report: WorkerProcessReport = { name: cfg.name, ran: 0, outcomes: {}, lastFinishedAt: 0 };
const worker = startWorker({
  db,
  storage: new LocalStorage(cfg.storageDir),
  runner,
  clock: systemClock,
  ...workerTimings(),
  heartbeat: { everyMs: HEARTBEAT_EVERY_MS, resfinderOk: () => true },
  concurrency: cfg.concurrency,
  owner: cfg.name,
  log: (m) => {
    if (m.includes("crashed") || m.includes("failed")) console.error(m);
  },
  onOutcome: (_id, outcome) => {
    report.ran++;
    report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
    report.lastFinishedAt = Date.now();
  },
});

// Stops once no job is queued or running anywhere: then no claim can be in flight, so stopping
// cannot abort a job this process just took (stop() hands a running job back, and it would run
// twice). Asks the database only while this process is idle, so the check costs the busy queue
// nothing. Bounded: a process still waiting after 10 minutes gives up (the parent reports it).
const deadline = Date.now() + 10 * 60_000;
for (;;) {
  await new Promise((r) => setTimeout(r, 20));
  if (Date.now() > deadline) {
    console.error(`[${cfg.name}] queue not empty after 10 minutes; giving up`);
    break;
  }
  if (worker.running() > 0) continue;
  if ((await db.amrJob.count({ where: { status: { in: ["Submitted", "Processing"] } } })) === 0) break;
}
await worker.stop();
await closeDb(db);
// `sink` is read so the burn loop cannot be optimised away.
process.send!({ ...report, sink }, () => process.exit(0));
