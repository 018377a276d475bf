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

interface Waiting {
  task: HashTask;
  since: number;
  resolve: (value: string | boolean) => void;
  reject: (err: unknown) => void;
}

/**
 * `threads` workers; at most `queue` tasks wait for one, each for at most `maxWaitMs`. Both bounds
 * answer the 503: the count at once, the wait when a machine short of CPU hashes slower than
 * planned (then a waiting sign-in gives up after maxWaitMs instead of queueing on). The queue is
 * kept here, not in piscina, so a task is handed to a thread only when one is free and the bounds
 * count exactly what waits.
 */
export function createHashPool(opts: { threads: number; queue: number; maxWaitMs?: number; nice?: number; workerPath?: string; now?: () => number }): HashPool {
  const filename = opts.workerPath ?? hashWorkerPath();
  // The path is only known at run time; without the hint Turbopack traces the whole project.
  if (!existsSync(/* turbopackIgnore: true */ filename)) throw new Error(`password hashing worker not found at ${filename} (set HASH_WORKER_PATH)`);
  const piscina = new Piscina({ filename, minThreads: opts.threads, maxThreads: opts.threads, idleTimeout: Infinity, workerData: { nice: opts.nice ?? 0 } });
  const now = opts.now ?? Date.now;
  const maxWaitMs = opts.maxWaitMs ?? Infinity;
  const waiting: Waiting[] = [];
  let running = 0;

  const tooOld = (w: Waiting) => now() - w.since > maxWaitMs;
  const dropExpired = () => {
    for (let i = waiting.length - 1; i >= 0; i--) if (tooOld(waiting[i])) waiting.splice(i, 1)[0].reject(hashPoolBusyError());
  };
  const pump = () => {
    dropExpired();
    while (running < opts.threads && waiting.length > 0) {
      const w = waiting.shift()!;
      running++;
      // The thread counts as free before the caller hears back, so its next call finds room.
      const settle = (report: () => void) => {
        running--;
        report();
        pump();
      };
      piscina.run(w.task).then(
        (r) => settle(() => w.resolve(r as string | boolean)),
        (err) => settle(() => w.reject(err)),
      );
    }
  };
  const saturated = () => {
    dropExpired();
    return running + waiting.length >= opts.threads + opts.queue;
  };
  return {
    run(task) {
      if (saturated()) return Promise.reject(hashPoolBusyError());
      return new Promise((resolve, reject) => {
        waiting.push({ task, since: now(), resolve, reject });
        pump();
      });
    },
    saturated,
    close: () => piscina.destroy(),
  };
}

const g = globalThis as unknown as { amrHashPool?: HashPool };

/** The process's pool, made on first use from PASSWORD_HASH_THREADS / PASSWORD_HASH_QUEUE. */
export function hashPool(): HashPool {
  if (!g.amrHashPool) {
    const env = getEnv();
    g.amrHashPool = createHashPool({
      threads: env.PASSWORD_HASH_THREADS ?? availableParallelism(),
      queue: env.PASSWORD_HASH_QUEUE,
      maxWaitMs: env.PASSWORD_HASH_MAX_WAIT_MS,
      nice: env.PASSWORD_HASH_NICE,
    });
  }
  return g.amrHashPool;
}

/** Lets a script exit: the pool's threads would keep it alive. */
export async function closeHashPool(): Promise<void> {
  const pool = g.amrHashPool;
  g.amrHashPool = undefined;
  await pool?.close();
}
