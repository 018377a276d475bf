/** What a user is told when the engine fails; internal failures are logged, not shown. */
export function describeEngineFailure(err: unknown): { message: string; internal: boolean } {
  const e = err as { name?: string; code?: string; message?: string } | null;
  if (e?.name === "ObjectNotFoundError") {
    // The genome was deleted from storage under a queued job (by hand, or a restore from an older backup).
    return { message: "The uploaded genome is no longer stored. Upload it again.", internal: false };
  }
  if (e?.name === "FastaError" && e.message) {
    return { message: `The genome file could not be read: ${e.message}`, internal: false };
  }
  if (e?.code === "catalog_missing" || /resfinder|AMR_DB_DIR|catalog/i.test(e?.message ?? "")) {
    return {
      message: "The resistance gene database is not available on the server. The operator has to install it (see the README).",
      internal: true,
    };
  }
  if (e?.code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory/i.test(e?.message ?? "")) {
    return { message: "The analysis ran out of memory. Try a smaller batch size or split the genome.", internal: true };
  }
  return {
    message: "The analysis failed unexpectedly. Try again; if it fails again, contact the operator.",
    internal: true,
  };
}
