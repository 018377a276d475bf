// Tab-separated exports of a result, the sample name on every row so tables from many runs concatenate.
// Genes keep ResFinder's one row per allele, tied alleles included; the allele columns come last so
// readers of the older columns are not disturbed; the resfinder-sensitive model's two columns follow.
import type { AmrResult, GeneHit } from "./types";

const GENE_COLUMNS = [
  "sample", "refId", "gene", "accession", "class", "contig", "start", "end", "strand", "identity", "coverage", "alignmentLength", "referenceLength", "antibiotics",
  "alleleStatus", "referenceSpan", "nucleotideChanges", "aminoAcidChanges", "frameshift", "prematureStop",
  "otherPieces", "sensitiveOnly",
];
const PHENOTYPE_COLUMNS = ["sample", "antibiotic", "class", "phenotype", "genes"];

export function toGenesTsv(result: AmrResult, sampleName: string): string {
  const rows = result.genes.map((g) => [
    sampleName, g.refId, g.gene, g.accession, g.class, g.contig, g.start, g.end, g.strand,
    g.identity.toFixed(2), g.coverage.toFixed(2), g.alignmentLength, g.referenceLength, g.antibiotics.join(", "),
    ...alleleCells(g),
    otherPieces(g), g.sensitiveOnly ? "yes" : "no",
  ]);
  return toTsv(GENE_COLUMNS, rows);
}

/** Empty cells for a result computed before allele calls existed; "-" where a reference has no reading frame. */
function alleleCells(g: GeneHit): (string | number)[] {
  const a = g.allele;
  if (!a) return ["", "", "", "", "", ""];
  return [
    a.status, `${a.referenceStart}..${a.referenceEnd}`, a.nucleotideChanges.join(","), a.aminoAcidChanges === null ? "-" : a.aminoAcidChanges.join(","),
    a.frameshift ? "yes" : "no", a.prematureStop ? "yes" : "no",
  ];
}

/** A split gene's pieces after the first (whose place is in contig/start/end/strand): "contig_9:1..412(+)". */
function otherPieces(g: GeneHit): string {
  return (g.pieces ?? []).slice(1).map((p) => `${p.contig}:${p.start}..${p.end}(${p.strand})`).join(",");
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
