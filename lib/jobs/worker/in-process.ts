import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getStorage } from "@/lib/storage";
import { systemClock } from "./clock";
import { workerThreadRunner } from "./engine-runner";
import { workerTimings } from "./config";
import { startWorker, type WorkerHandle } from "./worker-loop";

const g = globalThis as unknown as { amrWorker?: WorkerHandle };

/** The worker inside `next start` (from instrumentation.ts); once per process. */
export function startInProcessWorker(): WorkerHandle | null {
  if (!getEnv().WORKER_ENABLED) return null;
  if (g.amrWorker) return g.amrWorker;
  const worker = startWorker({
    db: prisma,
    storage: getStorage(),
    runner: workerThreadRunner,
    clock: systemClock,
    ...workerTimings(),
  });
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
