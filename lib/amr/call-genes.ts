// From HSPs to gene calls: ResFinder's rules per class, identical calls from several classes merged.
import type { Catalog, Reference } from "./catalog";
import { resolveClass, type BlastHit, type KeptHit } from "./resfinder-rules";
import type { AmrParams, GeneHit } from "./types";

/** ResFinder runs one BLAST per class and merges identical calls from several classes into one. */
export function callGenes(hspsByContig: BlastHit[][], catalog: Catalog, params: AmrParams): GeneHit[] {
  const genes: GeneHit[] = [];
  const seen = new Set<string>();
  catalog.classes.forEach((cls, classIndex) => {
    const perContig = hspsByContig.map((hits) =>
      hits.filter((h) => catalog.refs[h.ref].classIndex === classIndex && (h.nident / h.alnLen) * 100 >= params.minIdentity),
    );
    for (const kept of resolveClass(perContig, params.minCoverage)) {
      const key = callKey(kept.refId, kept.contig, kept.queryStart, kept.queryEnd);
      if (seen.has(key)) continue;
      seen.add(key);
      genes.push(toGeneHit(kept, cls.name, catalog.refs[kept.ref]));
    }
  });
  return genes;
}

export function callKey(refId: string, contig: string, start: number, end: number): string {
  return `${refId}\t${contig}\t${start}\t${end}`;
}

/** Calls in contig order (FASTA order), then by position, then by reference id. */
export function sortCalls(genes: GeneHit[], contigOrder: ReadonlyMap<string, number>): GeneHit[] {
  return genes.sort(
    (a, b) => contigOrder.get(a.contig)! - contigOrder.get(b.contig)! || a.start - b.start || a.end - b.end || compareText(a.refId, b.refId),
  );
}

function toGeneHit(hit: KeptHit, className: string, ref: Reference): GeneHit {
  return {
    refId: hit.refId,
    gene: ref.gene,
    accession: ref.accession,
    class: className,
    contig: hit.contig,
    start: hit.queryStart,
    end: hit.queryEnd,
    strand: hit.minus ? "-" : "+",
    identity: round2(hit.percIdent),
    coverage: round2(hit.coverage * 100),
    alignmentLength: hit.alnLen,
    referenceLength: hit.sbjctLength,
    antibiotics: [...ref.antibiotics],
  };
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
