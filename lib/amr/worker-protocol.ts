// Messages between runner.ts and worker-entry.ts; errors travel as plain data and are rebuilt on arrival.
import { FastaError, type FastaErrorCode } from "./fasta-error";
import type { AmrParams, AmrResult, EngineProgress } from "./types";

export interface WorkerInput {
  inputPath: string;
  params: AmrParams;
  dbDir?: string;
}

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  line?: number | null;
}

export type WorkerMessage =
  | { type: "progress"; progress: EngineProgress }
  | { type: "result"; result: AmrResult }
  | { type: "error"; error: SerializedError };

export function serializeError(err: unknown): SerializedError {
  if (err instanceof FastaError) return { name: err.name, message: err.message, code: err.code, line: err.line };
  if (err instanceof Error) return { name: err.name, message: err.message, code: (err as NodeJS.ErrnoException).code };
  return { name: "Error", message: String(err) };
}

export function deserializeError(e: SerializedError): Error {
  if (e.name === "FastaError" && e.code) {
    const err = new FastaError(e.code as FastaErrorCode, e.message);
    Object.defineProperty(err, "line", { value: e.line ?? null });
    return err;
  }
  const err = new Error(e.message) as Error & { code?: string };
  err.name = e.name;
  if (e.code !== undefined) err.code = e.code;
  return err;
}
