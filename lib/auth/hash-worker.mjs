// A piscina worker thread of lib/auth/hash-pool.ts. Plain ESM rather than TypeScript: Node loads it
// by path as it is under `next start`, vitest and tsx alike, with no bundling step to go stale.
// Synchronous bcryptjs is right here: this thread does nothing else, and the web server's event
// loop never runs the ~250 ms of a cost-12 hash.
import { setPriority } from "node:os";
import { workerData } from "node:worker_threads";
import bcrypt from "bcryptjs";

// With the threads as many as the cores, a burst of sign-ins keeps every core busy; at a higher
// nice value (PASSWORD_HASH_NICE, from the pool) the scheduler gives the server's event loop the
// CPU first. Linux only: there the nice value is per thread, where elsewhere the call would lower
// the whole server.
const nice = workerData?.nice ?? 0;
if (process.platform === "linux" && nice > 0) {
  try {
    setPriority(0, nice);
  } catch {
    // Refused (some containers): hash at normal priority.
  }
}

/** @param {{ op: "hash", password: string, cost: number } | { op: "compare", password: string, hash: string }} task */
export default function run(task) {
  return task.op === "hash" ? bcrypt.hashSync(task.password, task.cost) : bcrypt.compareSync(task.password, task.hash);
}
