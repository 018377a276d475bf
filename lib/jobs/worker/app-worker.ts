import { existsSync } from "node:fs";
import path from "node:path";
import { appDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getStorage } from "@/lib/storage";
import { systemClock } from "./clock";
import { HEARTBEAT_EVERY_MS, workerTimings } from "./config";
import { workerThreadRunner } from "./engine-runner";
import { startWorker, type WorkerHandle } from "./worker-loop";

/** A worker wired to the application's database, storage, engine and configuration. */
export function startAppWorker(): WorkerHandle {
  const dbDir = getEnv().AMR_DB_DIR;
  return startWorker({
    db: appDb(),
    storage: getStorage(),
    runner: workerThreadRunner,
    clock: systemClock,
    heartbeat: { everyMs: HEARTBEAT_EVERY_MS, resfinderOk: () => existsSync(path.join(dbDir, "config")) },
    ...workerTimings(),
  });
}
