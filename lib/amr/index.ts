// Public surface of the engine for the jobs and web code.
export * from "./types";
export { MODELS, DEFAULT_MODEL, SENSITIVE_MODEL, resolveParams, type ModelInfo, type ModelParameter } from "./models";
export { FastaError, DEFAULT_FASTA_LIMITS, readFasta, scanFasta, type FastaLimits } from "./fasta-reader";
export { loadCatalog, defaultDbDir, type Catalog } from "./catalog";
export { predictAmr, type PredictOptions } from "./predict";
export { toGenesTsv, toPhenotypesTsv } from "./format";
export { runPredictionInWorker, defaultWorkerPath, type RunPredictionOptions } from "./runner";
