// A worker in its own process, for the multi-process claim test: it runs jobs with a scripted
// engine that appends each run ("run <name> <input>") and each of the worker loop's messages
// ("log <name> <message>") to a shared log (O_APPEND), and exits once the queue is empty.
import { appendFileSync } from "node:fs";
import { createDb } from "@/lib/db";
import { systemClock } from "@/lib/jobs/worker/clock";
import type { EngineRunner } from "@/lib/jobs/worker/engine-runner";
import { startWorker } from "@/lib/jobs/worker/worker-loop";
import { LocalStorage } from "@/lib/storage/local-storage";
import { tinyResult } from "./fake-runner";
import { mulberry32 } from "./genome-generator";

const [dbUrl, storageDir, logFile, name] = process.argv.slice(2);
const db = createDb(dbUrl);
// Seeded per worker: runs of uneven length interleave the two workers' claims the same way each time.
const rand = mulberry32([...name].reduce((h, c) => h * 31 + c.charCodeAt(0), 7));
const runner: EngineRunner = async (run) => {
  appendFileSync(logFile, `run ${name} ${run.inputPath}\n`);
  await new Promise((r) => setTimeout(r, 1 + rand() * 4));
  return tinyResult;
};
const worker = startWorker({
  db,
  storage: new LocalStorage(storageDir),
  runner,
  clock: systemClock,
  concurrency: 2,
  leaseMs: 30_000,
  maxAttempts: 3,
  pollMs: 5,
  reclaimEveryMs: 60_000,
  cancelPollMs: 1000,
  progressIntervalMs: 0,
  owner: name,
  log: (message) => appendFileSync(logFile, `log ${name} ${message}\n`),
});
const keepAlive = setInterval(async () => {
  const left = await db.amrJob.count({ where: { status: { in: ["Submitted", "Processing"] } } });
  if (left === 0) {
    clearInterval(keepAlive);
    await worker.stop();
    await db.$disconnect();
    process.exit(0);
  }
}, 50);
