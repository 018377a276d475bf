import path from "node:path";
import type { HashPool, HashTask } from "@/lib/auth/hash-pool";

export const GATED_WORKER = path.resolve(import.meta.dirname, "gated-hash-worker.mjs");

/** Occupies one thread of a pool made with GATED_WORKER until `release()`; `done` settles then. */
export function holdThread(pool: HashPool): { done: Promise<unknown>; release: () => void } {
  const gate = new SharedArrayBuffer(4);
  const done = pool.run({ op: "hold", gate } as unknown as HashTask);
  return {
    done,
    release: () => {
      Atomics.store(new Int32Array(gate), 0, 1);
      Atomics.notify(new Int32Array(gate), 0);
    },
  };
}
