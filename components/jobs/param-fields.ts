import type { ModelParameter } from "@/lib/amr/models";
import { formatBytes } from "@/lib/units";

/** The API's snake_case parameter names as form fields (both are accepted by POST /api/jobs). */
export const FORM_NAME: Record<string, string> = {
  batch_size: "batchSize",
  segment_length: "segmentLength",
  segment_overlap: "segmentOverlap",
  min_identity: "minIdentity",
  min_coverage: "minCoverage",
  use_cpu: "useCpu",
};

export const LABEL: Record<string, string> = {
  batch_size: "Batch size",
  segment_length: "Segment length (bp)",
  segment_overlap: "Segment overlap (bp)",
  min_identity: "Minimum identity (%)",
  min_coverage: "Minimum coverage (%)",
  use_cpu: "Run on CPU",
};

/** The same checks the server makes, so most mistakes are caught before a long upload. */
export function checkParams(params: ModelParameter[], values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of params) {
    if (p.type === "boolean") continue;
    const raw = values[p.name]?.trim() ?? "";
    if (raw === "") continue;
    const n = Number(raw);
    if (!Number.isFinite(n)) errors[p.name] = "Enter a number.";
    else if (p.type === "integer" && !Number.isInteger(n)) errors[p.name] = "Enter a whole number.";
    else if ((p.min !== null && n < p.min) || (p.max !== null && n > p.max)) errors[p.name] = `Between ${p.min} and ${p.max}.`;
  }
  const len = Number(values.segment_length || params.find((p) => p.name === "segment_length")?.default);
  const overlap = Number(values.segment_overlap || 0);
  if (!errors.segment_overlap && !errors.segment_length && overlap >= len) {
    errors.segment_overlap = `Must be smaller than the segment length (${len}).`;
  }
  return errors;
}

/** Size checks the server would make, before a file is sent (names: components/uploads/genome-files.ts). */
export function checkFile(file: { size: number }, maxBytes: number): string | null {
  if (file.size === 0) return "This file is empty.";
  if (file.size > maxBytes) return `This file is larger than the upload limit (${formatBytes(maxBytes)}).`;
  return null;
}
