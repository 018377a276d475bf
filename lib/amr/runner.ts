// Runs a whole prediction in a worker thread so a web server's event loop stays free. The worker is a
// plain bundled ESM file found by path (not new URL(..., import.meta.url), which Next's webpack breaks).
import { existsSync } from "node:fs";
import path from "node:path";
import { abortError } from "./predict";
import type { AmrParams, AmrResult, EngineProgress } from "./types";
import { deserializeError, type WorkerInput, type WorkerMessage } from "./worker-protocol";

export interface RunPredictionOptions {
  inputPath: string;
  params: AmrParams;
  dbDir?: string;
  onProgress?: (progress: EngineProgress) => void;
  signal?: AbortSignal;
  /** Defaults to AMR_WORKER_PATH, then build/amr-worker.mjs under the working directory. */
  workerPath?: string;
}

// Looked up at run time rather than imported: Turbopack treats `new Worker(<expression>)` from
// node:worker_threads as a bundling hint and tries to trace every file under the project root.
function workerThreads(): typeof import("node:worker_threads") {
  return process.getBuiltinModule("node:worker_threads");
}

export function defaultWorkerPath(): string {
  return process.env.AMR_WORKER_PATH ?? path.join(process.cwd(), "build", "amr-worker.mjs");
}

export function runPredictionInWorker(options: RunPredictionOptions): Promise<AmrResult> {
  const { signal, onProgress } = options;
  const workerPath = options.workerPath ?? defaultWorkerPath();
  if (signal?.aborted) return Promise.reject(abortError());
  if (!existsSync(workerPath)) {
    return Promise.reject(new Error(`AMR worker bundle not found at ${workerPath}: run "npm run build:engine" or set AMR_WORKER_PATH.`));
  }
  const input: WorkerInput = { inputPath: path.resolve(options.inputPath), params: options.params, dbDir: options.dbDir };
  return new Promise<AmrResult>((resolve, reject) => {
    const worker = new (workerThreads().Worker)(workerPath, { workerData: input });
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      action();
      void worker.terminate();
    };
    const onAbort = () => finish(() => reject(abortError()));
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") onProgress?.(message.progress);
      else if (message.type === "result") finish(() => resolve(message.result));
      else finish(() => reject(deserializeError(message.error)));
    });
    worker.on("error", (err) => finish(() => reject(err)));
    worker.on("exit", (code) => finish(() => reject(new Error(`AMR worker exited with code ${code} before returning a result.`))));
  });
}
