/**
 * The one place that decides what an engine run's failure means: what the user is told,
 * whether the details are only for the log (internal), and whether running it again may help
 * (transient: the job goes back to the queue with a backoff) or not (permanent: Error now).
 */
export interface EngineFailure {
  message: string;
  internal: boolean;
  transient: boolean;
}

// Network and resource hiccups of the storage or the host: the same run may well succeed later.
const TRANSIENT_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EAI_AGAIN", "EPIPE", "EBUSY", "EMFILE", "ENFILE", "ENETUNREACH", "EHOSTUNREACH"]);
const TRANSIENT_S3 = new Set(["SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout", "ThrottlingException", "TimeoutError"]);

export function describeEngineFailure(err: unknown): EngineFailure {
  const e = err as { name?: string; code?: string; message?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  if (e?.name === "ObjectNotFoundError") {
    // The genome was deleted from storage under a queued job (by hand, or a restore from an older backup).
    return { message: "The uploaded genome is no longer stored. Upload it again.", internal: false, transient: false };
  }
  if (e?.name === "FastaError" && e.message) {
    return { message: `The genome file could not be read: ${e.message}`, internal: false, transient: false };
  }
  if (e?.code === "catalog_missing" || /resfinder|AMR_DB_DIR|catalog/i.test(e?.message ?? "")) {
    return {
      message: "The resistance gene database is not available on the server. The operator has to install it (see the README).",
      internal: true,
      transient: false,
    };
  }
  if (e?.code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory/i.test(e?.message ?? "")) {
    return { message: "The analysis ran out of memory. Try a smaller batch size or split the genome.", internal: true, transient: false };
  }
  if (e?.code === "engine_exited") {
    // The engine's process or thread died without an answer (killed, crashed): the input is not to blame.
    return { message: "The analysis process stopped unexpectedly.", internal: true, transient: true };
  }
  const status = e?.$metadata?.httpStatusCode ?? 0;
  if ((e?.code && TRANSIENT_CODES.has(e.code)) || (e?.name && TRANSIENT_S3.has(e.name)) || e?.$retryable || status >= 500) {
    return { message: "The analysis could not reach the file storage.", internal: true, transient: true };
  }
  // Anything else is a bug or a bad input: running the same thing again would fail the same way.
  return {
    message: "The analysis failed unexpectedly. Try again; if it fails again, contact the operator.",
    internal: true,
    transient: false,
  };
}
