// A piscina worker thread of lib/auth/hash-pool.ts. Plain ESM rather than TypeScript: Node loads it
// by path as it is under `next start`, vitest and tsx alike, with no bundling step to go stale.
// Synchronous bcryptjs is right here: this thread does nothing else, and the web server's event
// loop never runs the ~250 ms of a cost-12 hash.
import bcrypt from "bcryptjs";

/** @param {{ op: "hash", password: string, cost: number } | { op: "compare", password: string, hash: string }} task */
export default function run(task) {
  return task.op === "hash" ? bcrypt.hashSync(task.password, task.cost) : bcrypt.compareSync(task.password, task.hash);
}
