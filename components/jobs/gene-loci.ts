// Tied alleles at one locus, as ResFinder reports them (all kept on equal scores): one row on the job
// page, one row each in the downloads. Tied means one class, one contig, overlapping positions and the
// same identity and coverage.
import type { AlleleStatus, GeneHit } from "@/lib/amr/types";

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
