import { appDb } from "@/lib/db";
import { getStorage } from "@/lib/storage";
import { systemClock } from "./clock";
import { workerTimings } from "./config";
import { workerThreadRunner } from "./engine-runner";
import { startWorker, type WorkerHandle } from "./worker-loop";

/** A worker wired to the application's database, storage, engine and configuration. */
export function startAppWorker(): WorkerHandle {
  return startWorker({
    db: appDb(),
    storage: getStorage(),
    runner: workerThreadRunner,
    clock: systemClock,
    ...workerTimings(),
  });
}
