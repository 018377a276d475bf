// `npm run worker`: a standalone job worker on the same database as the web server. Run several
// for more throughput; each claims jobs atomically. SIGTERM/SIGINT hand running jobs back.
import { prisma } from "@/lib/db";
import { getStorage } from "@/lib/storage";
import { systemClock } from "@/lib/jobs/worker/clock";
import { workerTimings } from "@/lib/jobs/worker/config";
import { workerThreadRunner } from "@/lib/jobs/worker/engine-runner";
import { startWorker } from "@/lib/jobs/worker/worker-loop";

const worker = startWorker({
  db: prisma,
  storage: getStorage(),
  runner: workerThreadRunner,
  clock: systemClock,
  ...workerTimings(),
});
console.log(`[worker] ${worker.owner} started`);
// Keeps the process alive: the loop's own timers are unref'd so a web server can exit freely.
const keepAlive = setInterval(() => undefined, 1 << 30);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: releasing ${worker.running()} running job(s)`);
  await worker.stop();
  clearInterval(keepAlive);
  await prisma.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
