import { getEnv } from "@/lib/env";
import { startAppWorker } from "./app-worker";
import type { WorkerHandle } from "./worker-loop";

const g = globalThis as unknown as { amrWorker?: WorkerHandle };

/** The worker inside `next start` (from instrumentation.ts); once per process. */
export function startInProcessWorker(): WorkerHandle | null {
  if (!getEnv().WORKER_ENABLED) return null;
  if (g.amrWorker) return g.amrWorker;
  const worker = startAppWorker();
  g.amrWorker = worker;
  const stop = () => void worker.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return worker;
}

/** Lets an upload start its job now rather than at the next poll (no-op without a local worker). */
export function wakeInProcessWorker(): void {
  g.amrWorker?.wake();
}
