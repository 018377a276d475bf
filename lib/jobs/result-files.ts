import { toGenesTsv, toPhenotypesTsv } from "@/lib/amr/format";
import type { AmrResult } from "@/lib/amr/types";

/** The downloadable formats of a finished job and the file each lives in. */
export const RESULT_FORMATS = {
  json: { file: "result.json", contentType: "application/json; charset=utf-8", suffix: "amr.json" },
  "genes.tsv": { file: "genes.tsv", contentType: "text/tab-separated-values; charset=utf-8", suffix: "genes.tsv" },
  "phenotypes.tsv": {
    file: "phenotypes.tsv",
    contentType: "text/tab-separated-values; charset=utf-8",
    suffix: "phenotypes.tsv",
  },
} as const;

export type ResultFormat = keyof typeof RESULT_FORMATS;

/** Renders every result file of one run; the worker writes them, downloads read them. */
export function renderResultFiles(result: AmrResult, sampleName: string): Record<ResultFormat, string> {
  return {
    json: JSON.stringify(result, null, 2) + "\n",
    "genes.tsv": toGenesTsv(result, sampleName),
    "phenotypes.tsv": toPhenotypesTsv(result, sampleName),
  };
}
