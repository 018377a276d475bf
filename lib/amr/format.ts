// Tab-separated exports of a result, the sample name on every row so tables from many runs concatenate.
import type { AmrResult } from "./types";

const GENE_COLUMNS = ["sample", "refId", "gene", "accession", "class", "contig", "start", "end", "strand", "identity", "coverage", "alignmentLength", "referenceLength", "antibiotics"];
const PHENOTYPE_COLUMNS = ["sample", "antibiotic", "class", "phenotype", "genes"];

export function toGenesTsv(result: AmrResult, sampleName: string): string {
  const rows = result.genes.map((g) => [
    sampleName, g.refId, g.gene, g.accession, g.class, g.contig, g.start, g.end, g.strand,
    g.identity.toFixed(2), g.coverage.toFixed(2), g.alignmentLength, g.referenceLength, g.antibiotics.join(", "),
  ]);
  return toTsv(GENE_COLUMNS, rows);
}

export function toPhenotypesTsv(result: AmrResult, sampleName: string): string {
  const rows = result.phenotypes.map((p) => [sampleName, p.antibiotic, p.class, p.phenotype, p.genes.join(", ")]);
  return toTsv(PHENOTYPE_COLUMNS, rows);
}

function toTsv(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((row) => row.map(cell).join("\t")).join("\n") + "\n";
}

// Tabs or line breaks inside a value (a contig id cannot hold them, a sample name might) would shift columns.
function cell(value: string | number): string {
  return String(value).replace(/[\t\r\n]+/g, " ");
}
