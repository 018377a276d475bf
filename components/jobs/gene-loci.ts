// Tied alleles at one locus, as ResFinder reports them (all kept on equal scores): one row on the job
// page, one row each in the downloads. Tied means one class, one contig, overlapping positions and the
// same identity and coverage.
import type { AlleleCall, AlleleStatus, GeneHit } from "@/lib/amr/types";

export interface Locus {
  /** Stable across renders: the first allele's id and position. */
  key: string;
  genes: GeneHit[];
}

function tied(a: GeneHit, b: GeneHit): boolean {
  return a.class === b.class && a.contig === b.contig && a.start <= b.end && b.start <= a.end && a.identity === b.identity && a.coverage === b.coverage;
}

/** Groups tied calls, keeping the input order of loci and of alleles within each. */
export function groupTiedLoci(genes: GeneHit[]): Locus[] {
  const loci: Locus[] = [];
  for (const gene of genes) {
    const locus = loci.find((l) => l.genes.some((g) => tied(g, gene)));
    if (locus) locus.genes.push(gene);
    else loci.push({ key: `${gene.refId}-${gene.contig}-${gene.start}`, genes: [gene] });
  }
  return loci;
}

/** The status every allele of a locus shares, or null when they differ or one predates allele calls. */
export function sharedStatus(genes: GeneHit[]): AlleleStatus | null {
  const statuses = new Set(genes.map((g) => g.allele?.status ?? null));
  return statuses.size === 1 ? [...statuses][0] : null;
}

export const STATUS_LABELS: Record<AlleleStatus, string> = {
  exact: "exact allele",
  variant: "novel variant",
  partial: "partial",
  truncated: "truncated",
};

const STATUS_MEANINGS: Record<AlleleStatus, string> = {
  exact: "100 % identical over the whole reference.",
  variant: "The whole reference is present, with differences: a new or unlisted allele.",
  partial: "Only part of the reference is present (a contig end or a broken assembly).",
  truncated: "The protein is cut short and may not confer resistance.",
};

const MAX_LISTED = 12;

function listed(changes: string[]): string {
  if (changes.length <= MAX_LISTED) return changes.join(", ");
  return `${changes.slice(0, MAX_LISTED).join(", ")} and ${changes.length - MAX_LISTED} more (see the downloads)`;
}

/** Lines of the badge's tooltip for one allele. */
export function describeAllele(allele: AlleleCall): string[] {
  const lines = [STATUS_MEANINGS[allele.status]];
  // A truncated hit usually spans the whole reference; its protein length says more.
  if (allele.status === "partial" || allele.proteinLength === null) lines.push(`Reference bases ${allele.referenceStart}–${allele.referenceEnd}.`);
  if (allele.frameshift) lines.push("Frameshift.");
  if (allele.prematureStop) lines.push("Premature stop codon.");
  if (allele.proteinLength !== null && allele.referenceProteinLength !== null && allele.proteinLength !== allele.referenceProteinLength) {
    lines.push(`Protein ${allele.proteinLength} of ${allele.referenceProteinLength} residues.`);
  }
  if (allele.aminoAcidChanges?.length) lines.push(`Protein: ${listed(allele.aminoAcidChanges)}`);
  if (allele.nucleotideChanges.length) lines.push(`DNA: ${listed(allele.nucleotideChanges)}`);
  return lines;
}
