import { getEnv } from "@/lib/env";
import type { AmrParams, AmrResult, EngineProgress } from "@/lib/amr/types";

export interface EngineRun {
  inputPath: string;
  params: AmrParams;
  onProgress: (p: EngineProgress) => void;
  signal: AbortSignal;
}

/** The engine as the worker sees it; tests inject a scripted one, production runs lib/amr off-thread. */
export type EngineRunner = (run: EngineRun) => Promise<AmrResult>;

export const workerThreadRunner: EngineRunner = async (run) => {
  // Imported lazily: the web server only needs it once a job actually runs.
  const { runPredictionInWorker } = await import("@/lib/amr/runner");
  // lib/amr reads no configuration of its own in the app: it comes validated from lib/env.ts
  // (the engine's child inherits AMR_CACHE_DIR, validated there too).
  const env = getEnv();
  return runPredictionInWorker({ ...run, dbDir: env.AMR_DB_DIR, workerPath: env.AMR_WORKER_PATH, isolation: env.AMR_ENGINE_ISOLATION });
};
