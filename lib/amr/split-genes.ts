// The sensitive model's joining of a gene broken across two contigs of a draft assembly: one piece runs
// off the end of a contig, another runs in from the end of another contig, and together they continue
// one reference. ResFinder never joins pieces on different contigs; here they become one call whose
// coverage counts both pieces. Which contig follows which is unknown in a draft, so any two may pair.
import { ALLOWED_OVERLAP, type BlastHit } from "./resfinder-rules";

/** Bases an alignment may stop short of a contig end (a mismatch in the last bases ends it early). */
export const END_SLACK = 20;
/** Shorter pieces are too weak to place a gene. */
export const MIN_PIECE = 50;

export interface SplitCall {
  pieces: BlastHit[];
  nident: number;
  alnLen: number;
  percIdent: number;
  /** Percent of the reference covered by the union of the pieces' reference spans. */
  percCoverage: number;
  calScore: number;
}

/**
 * Joined calls from every contig's HSPs (1-based forward coordinates, BLAST -perc_identity applied by
 * nobody yet). Each piece must pass minIdentity on its own; the whole must pass minCoverage and cover more
 * than either piece. Candidates compete as Blaster's hits do: a joined call loses to a better one of its
 * class whose piece overlaps one of its pieces by ALLOWED_OVERLAP bases; equal scores keep both.
 */
export function joinSplitGenes(
  hitsByContig: readonly BlastHit[][],
  contigLengths: ReadonlyMap<string, number>,
  classOf: (ref: number) => number,
  minIdentity: number,
  minCoverage: number,
): SplitCall[] {
  const leaving = new Map<number, BlastHit[]>();
  const entering = new Map<number, BlastHit[]>();
  for (const hits of hitsByContig) {
    for (const h of hits) {
      if (h.alnLen < MIN_PIECE || (h.nident / h.alnLen) * 100 < minIdentity) continue;
      const len = contigLengths.get(h.contig)!;
      const atEnd = h.queryEnd > len - END_SLACK;
      const atStart = h.queryStart <= END_SLACK + 1;
      // Reading the reference forwards, a plus-strand hit leaves through the contig's end, a minus one through its start.
      if ((h.minus ? atStart : atEnd) && h.sbjctEnd < h.sbjctLength) push(leaving, h.ref, h);
      if ((h.minus ? atEnd : atStart) && h.sbjctStart > 1) push(entering, h.ref, h);
    }
  }
  const candidates: SplitCall[] = [];
  for (const [ref, heads] of leaving) {
    for (const head of heads) {
      for (const tail of entering.get(ref) ?? []) {
        if (tail.contig === head.contig) continue;
        if (tail.sbjctStart > head.sbjctEnd + 1 + END_SLACK || tail.sbjctEnd <= head.sbjctEnd || tail.sbjctStart <= head.sbjctStart) continue;
        const covered = head.sbjctEnd - head.sbjctStart + 1 + (tail.sbjctEnd - Math.max(tail.sbjctStart, head.sbjctEnd + 1) + 1);
        const nident = head.nident + tail.nident;
        const alnLen = head.alnLen + tail.alnLen;
        const percIdent = (nident / alnLen) * 100;
        const percCoverage = (covered / head.sbjctLength) * 100;
        if (percIdent < minIdentity || percCoverage < minCoverage) continue;
        candidates.push({ pieces: [head, tail], nident, alnLen, percIdent, percCoverage, calScore: percIdent * (percCoverage / 100) });
      }
    }
  }
  candidates.sort((a, b) => b.calScore - a.calScore);
  const kept: SplitCall[] = [];
  for (const c of candidates) {
    const beaten = kept.some((k) => classOf(k.pieces[0].ref) === classOf(c.pieces[0].ref) && k.calScore > c.calScore && sharesLocus(k, c));
    // One reference joins once per locus: the same pieces re-paired with a worse partner go too.
    const repeated = kept.some((k) => k.pieces[0].ref === c.pieces[0].ref && sharesLocus(k, c));
    if (!beaten && !repeated) kept.push(c);
  }
  return kept;
}

function sharesLocus(a: SplitCall, b: SplitCall): boolean {
  return a.pieces.some((p) => b.pieces.some((q) => p.contig === q.contig && overlap(p, q) >= ALLOWED_OVERLAP));
}

function overlap(a: BlastHit, b: BlastHit): number {
  return Math.min(a.queryEnd, b.queryEnd) - Math.max(a.queryStart, b.queryStart) + 1;
}

function push(map: Map<number, BlastHit[]>, key: number, hit: BlastHit): void {
  const list = map.get(key);
  if (list) list.push(hit);
  else map.set(key, [hit]);
}
