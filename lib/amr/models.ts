// The model registry: what GET /api/models lists and what every run's parameters are checked against.
import type { AmrParams } from "./types";

export interface ModelParameter {
  name: string;
  type: "integer" | "number" | "boolean";
  min: number | null;
  max: number | null;
  default: number | boolean;
  description: string;
}

export interface ModelInfo {
  name: string;
  description: string;
  default: boolean;
  parameters: ModelParameter[];
}

export const DEFAULT_MODEL = "resfinder-genes";
export const SENSITIVE_MODEL = "resfinder-sensitive";

const SHARED_PARAMETERS: ModelParameter[] = [
  { name: "batch_size", type: "integer", min: 1, max: 1024, default: 8, description: "Segments processed between two progress reports and cancellation checks." },
  { name: "segment_length", type: "integer", min: 1000, max: 1_000_000, default: 6000, description: "Length in bases of the segments contigs are cut into." },
  { name: "segment_overlap", type: "integer", min: 0, max: 999_999, default: 0, description: "Bases shared by consecutive segments; at most segment_length - 1. Calls do not depend on it." },
  { name: "use_cpu", type: "boolean", min: null, max: null, default: true, description: "Run on the CPU. No model runs on an accelerator yet, so false is refused." },
];

const THRESHOLDS: ModelParameter[] = [
  { name: "min_identity", type: "number", min: 0, max: 100, default: 80, description: "Minimum identity of a hit in percent (ResFinder 4.3's effective default)." },
  { name: "min_coverage", type: "number", min: 0, max: 100, default: 60, description: "Minimum coverage of the reference gene in percent (ResFinder 4.3's effective default)." },
];

export const MODELS: ModelInfo[] = [
  {
    name: DEFAULT_MODEL,
    description:
      "Acquired antimicrobial resistance genes of the ResFinder database found in a genome assembly " +
      "(k-mer seeding and gapped alignment on both strands), with the phenotype per antibiotic derived as ResFinder 4.3 does.",
    default: true,
    parameters: [...SHARED_PARAMETERS, ...THRESHOLDS],
  },
  {
    name: SENSITIVE_MODEL,
    description:
      "The same database, thresholds and phenotype rules, plus what ResFinder misses: genes at 80–90 % identity without a " +
      "28-base exact run (spaced seeds), and genes split across two contigs joined into one call. Every call of " +
      `${DEFAULT_MODEL} is kept as it is; the extra calls are marked.`,
    default: false,
    parameters: [...SHARED_PARAMETERS, ...THRESHOLDS],
  },
];

/** The API's snake_case parameter names (the original plan's columns) and their AmrParams fields. */
export const PARAM_FIELDS: Record<string, keyof AmrParams> = {
  batch_size: "batchSize",
  segment_length: "segmentLength",
  segment_overlap: "segmentOverlap",
  use_cpu: "useCpu",
  min_identity: "minIdentity",
  min_coverage: "minCoverage",
};

export type ResolveResult = { ok: true; params: AmrParams } | { ok: false; errors: Record<string, string> };

/** Fills defaults and checks every value against the model's declared ranges; errors are keyed by AmrParams field. */
export function resolveParams(input: Partial<AmrParams>): ResolveResult {
  const modelName = input.modelName ?? DEFAULT_MODEL;
  const model = MODELS.find((m) => m.name === modelName);
  if (!model) {
    return { ok: false, errors: { modelName: `Unknown model "${modelName}"; available: ${MODELS.map((m) => m.name).join(", ")}.` } };
  }
  const errors: Record<string, string> = {};
  const values: Record<string, number | boolean> = {};
  for (const p of model.parameters) {
    const field = PARAM_FIELDS[p.name];
    const raw = input[field];
    const value = raw === undefined ? p.default : raw;
    const problem = checkValue(p, value);
    if (problem) errors[field] = problem;
    values[field] = value as number | boolean;
  }
  const { segmentLength, segmentOverlap } = values as { segmentLength: number; segmentOverlap: number };
  if (!errors.segmentLength && !errors.segmentOverlap && segmentOverlap >= segmentLength) {
    errors.segmentOverlap = `segment_overlap must be between 0 and segment_length - 1 (${segmentLength - 1}); got ${segmentOverlap}.`;
  }
  if (!errors.useCpu && values.useCpu === false) {
    errors.useCpu = "use_cpu=false is not supported: no model runs on an accelerator yet; every model runs on the CPU.";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, params: { modelName, ...(values as Omit<AmrParams, "modelName">) } };
}

function checkValue(p: ModelParameter, value: unknown): string | null {
  if (p.type === "boolean") {
    return typeof value === "boolean" ? null : `${p.name} must be true or false.`;
  }
  const range = `between ${p.min} and ${p.max}`;
  if (typeof value !== "number" || !Number.isFinite(value)) return `${p.name} must be a number ${range}.`;
  if (p.type === "integer" && !Number.isInteger(value)) return `${p.name} must be an integer ${range}; got ${value}.`;
  if ((p.min !== null && value < p.min) || (p.max !== null && value > p.max)) return `${p.name} must be ${range}; got ${value}.`;
  return null;
}
