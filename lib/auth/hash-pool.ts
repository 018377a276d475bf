import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

// bcrypt at cost 12 is ~250 ms of one core. Run on the server's event loop, a burst of sign-ins
// delays every other request by that much per hash; here the hashes run on worker threads, and
// beyond a bounded backlog the answer is a fast 503 rather than a latency that grows without limit.

export type HashTask = { op: "hash"; password: string; cost: number } | { op: "compare"; password: string; hash: string };

export const HASH_BUSY_MESSAGE = "Too many sign-ins are being checked right now. Try again in a few seconds.";
const RETRY_AFTER_SECONDS = 2;

export function hashPoolBusyError(): AppError {
  return new AppError("unavailable", HASH_BUSY_MESSAGE, { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
}

export interface HashPool {
  run(task: HashTask): Promise<string | boolean>;
  /** True when a new task would be refused (the threads are busy and the backlog is full). */
  saturated(): boolean;
  close(): Promise<void>;
}

/** Looked up by path at run time (see hash-worker.mjs); HASH_WORKER_PATH overrides it. */
export function hashWorkerPath(): string {
  return process.env.HASH_WORKER_PATH ?? path.join(process.cwd(), "lib", "auth", "hash-worker.mjs");
}

/**
 * `threads` workers and at most `queue` tasks waiting for one. The bound is counted here rather
 * than with piscina's maxQueue, which also counts tasks waiting for a thread that is still
 * starting: this way the first `threads + queue` concurrent tasks are always accepted.
 */
export function createHashPool(opts: { threads: number; queue: number; workerPath?: string }): HashPool {
  const filename = opts.workerPath ?? hashWorkerPath();
  // The path is only known at run time; without the hint Turbopack traces the whole project.
  if (!existsSync(/* turbopackIgnore: true */ filename)) throw new Error(`password hashing worker not found at ${filename} (set HASH_WORKER_PATH)`);
  const piscina = new Piscina({ filename, minThreads: opts.threads, maxThreads: opts.threads, idleTimeout: Infinity });
  const capacity = opts.threads + opts.queue;
  let inFlight = 0;
  return {
    async run(task) {
      if (inFlight >= capacity) throw hashPoolBusyError();
      inFlight++;
      try {
        return (await piscina.run(task)) as string | boolean;
      } finally {
        inFlight--;
      }
    },
    saturated: () => inFlight >= capacity,
    close: () => piscina.destroy(),
  };
}

const g = globalThis as unknown as { amrHashPool?: HashPool };

/** The process's pool, made on first use from PASSWORD_HASH_THREADS / PASSWORD_HASH_QUEUE. */
export function hashPool(): HashPool {
  if (!g.amrHashPool) {
    const env = getEnv();
    g.amrHashPool = createHashPool({ threads: env.PASSWORD_HASH_THREADS ?? availableParallelism(), queue: env.PASSWORD_HASH_QUEUE });
  }
  return g.amrHashPool;
}

/** Lets a script exit: the pool's threads would keep it alive. */
export async function closeHashPool(): Promise<void> {
  const pool = g.amrHashPool;
  g.amrHashPool = undefined;
  await pool?.close();
}
