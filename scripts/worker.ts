// `npm run worker`: a standalone job worker on the same database as the web server. Run several
// for more throughput; each claims jobs atomically. SIGTERM/SIGINT hand running jobs back.
import { appDb } from "@/lib/db";
import { startAppWorker } from "@/lib/jobs/worker/app-worker";
import { log } from "@/lib/log/logger";

const worker = startAppWorker();
// The message keeps its old text: tests/multi finds the owner in it.
log().info({ component: "worker", owner: worker.owner }, `[worker] ${worker.owner} started`);
// Keeps the process alive: the loop's own timers are unref'd so a web server can exit freely.
const keepAlive = setInterval(() => undefined, 1 << 30);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log().info({ component: "worker", owner: worker.owner, signal, running: worker.running() }, `[worker] ${signal}: releasing ${worker.running()} running job(s)`);
  await worker.stop();
  clearInterval(keepAlive);
  await appDb().$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
