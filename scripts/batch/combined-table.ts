// The cross-sample summary of a batch: one row per genome, one column per antibiotic.
// Pure (no I/O) so it is unit-tested; scripts/batch-submit.ts feeds it the downloaded JSON.

export interface GenomePhenotypes {
  genome: string;
  phenotypes: { antibiotic: string; phenotype: string }[];
}

/**
 * "R" where an acquired gene predicts resistance, "-" where none was found. Not "S": the tool
 * cannot call susceptibility (point mutations, expression and unknown genes are not seen; see
 * docs/results.md). Genomes in input order; antibiotics sorted, the union over all genomes.
 */
export function combinedTable(rows: readonly GenomePhenotypes[]): string {
  const antibiotics = [...new Set(rows.flatMap((r) => r.phenotypes.map((p) => p.antibiotic)))].sort((a, b) => a.localeCompare(b));
  const lines = [["genome", ...antibiotics].join("\t")];
  for (const row of rows) {
    const resistant = new Set(row.phenotypes.filter((p) => p.phenotype === "Resistant").map((p) => p.antibiotic));
    lines.push([clean(row.genome), ...antibiotics.map((a) => (resistant.has(a) ? "R" : "-"))].join("\t"));
  }
  return lines.join("\n") + "\n";
}

/** genome, stage, message; one line per genome that did not complete. */
export function failuresTable(failures: readonly { genome: string; stage: string; message: string }[]): string {
  return ["genome\tstage\tmessage", ...failures.map((f) => [f.genome, f.stage, f.message].map(clean).join("\t"))].join("\n") + "\n";
}

/** Genome name from a file name: the FASTA and gzip extensions removed. */
export function genomeName(fileName: string): string {
  return fileName.replace(/\.(fa|fasta|fna|fas)(\.gz)?$/i, "");
}

export const GENOME_FILE = /\.(fa|fasta|fna|fas)(\.gz)?$/i;

function clean(value: string): string {
  return value.replace(/[\t\r\n]+/g, " ");
}
