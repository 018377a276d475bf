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
  /**
   * "process" (default, env AMR_ENGINE_ISOLATION) forks a child process with a lower CPU priority,
   * so that on a small machine a running engine never starves the web server of CPU; "thread"
   * runs in a worker thread of the caller's process (same priority).
   */
  isolation?: "process" | "thread";
  /** Added niceness of the child process (0–19); default 10. */
  niceness?: number;
}

/** What the runner needs of a worker thread or child process. */
interface EngineHandle {
  onMessage(listener: (message: WorkerMessage) => void): void;
  onError(listener: (err: Error) => void): void;
  onExit(listener: (code: number | null) => void): void;
  stop(): void;
}

// Looked up at run time rather than imported: Turbopack treats `new Worker(<expression>)` (and
// fork) as bundling hints and tries to trace every file under the project root.
function startThread(workerPath: string, input: WorkerInput): EngineHandle {
  const { Worker } = process.getBuiltinModule("node:worker_threads");
  const worker = new Worker(workerPath, { workerData: input });
  return {
    onMessage: (l) => worker.on("message", l),
    onError: (l) => worker.on("error", l),
    onExit: (l) => worker.on("exit", l),
    stop: () => void worker.terminate(),
  };
}

function startProcess(workerPath: string, input: WorkerInput, niceness: number): EngineHandle {
  const { fork } = process.getBuiltinModule("node:child_process");
  const child = fork(workerPath, [], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
  try {
    if (child.pid) process.getBuiltinModule("node:os").setPriority(child.pid, niceness);
  } catch {
    // Lowering priority can be refused (containers, some platforms): run at normal priority.
  }
  child.send(input);
  return {
    onMessage: (l) => child.on("message", (m) => l(m as WorkerMessage)),
    onError: (l) => child.on("error", l),
    onExit: (l) => child.on("exit", (code) => l(code)),
    stop: () => void child.kill("SIGKILL"),
  };
}

export function defaultWorkerPath(): string {
  return process.env.AMR_WORKER_PATH ?? path.join(process.cwd(), "build", "amr-worker.mjs");
}

export function runPredictionInWorker(options: RunPredictionOptions): Promise<AmrResult> {
  const { signal, onProgress } = options;
  const workerPath = options.workerPath ?? defaultWorkerPath();
  if (signal?.aborted) return Promise.reject(abortError());
  // The path is only known at run time; without the hint Turbopack traces the whole project.
  if (!existsSync(/* turbopackIgnore: true */ workerPath)) {
    return Promise.reject(new Error(`AMR worker bundle not found at ${workerPath}: run "npm run build:engine" or set AMR_WORKER_PATH.`));
  }
  const input: WorkerInput = { inputPath: path.resolve(options.inputPath), params: options.params, dbDir: options.dbDir };
  return new Promise<AmrResult>((resolve, reject) => {
    const isolation = options.isolation ?? (process.env.AMR_ENGINE_ISOLATION === "thread" ? "thread" : "process");
    const worker =
      isolation === "thread" ? startThread(workerPath, input) : startProcess(workerPath, input, options.niceness ?? 10);
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      action();
      worker.stop();
    };
    const onAbort = () => finish(() => reject(abortError()));
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.onMessage((message) => {
      if (message.type === "progress") onProgress?.(message.progress);
      else if (message.type === "result") finish(() => resolve(message.result));
      else finish(() => reject(deserializeError(message.error)));
    });
    worker.onError((err) => finish(() => reject(err)));
    // Exiting without an answer means the engine died under us (killed, crashed), not a verdict
    // on the input: code "engine_exited" lets the job's worker retry it later.
    worker.onExit((code) =>
      finish(() => reject(Object.assign(new Error(`AMR worker exited with code ${code} before returning a result.`), { code: "engine_exited" }))),
    );
  });
}
