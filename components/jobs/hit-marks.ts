// The marks of the hit map: one per call, except a gene split across contigs (sensitive model), which
// gets one mark per piece, each on its own contig's track, so both halves show where they are.
import type { GeneHit, Strand } from "@/lib/amr/types";

export interface HitMark {
  gene: GeneHit;
  contig: string;
  start: number;
  end: number;
  strand: Strand;
  /** 1-based place of this piece and the number of pieces; 1 of 1 for an unsplit call. */
  piece: number;
  pieces: number;
}

export function hitMarks(genes: readonly GeneHit[]): HitMark[] {
  return genes.flatMap((gene) => {
    const parts = gene.pieces && gene.pieces.length > 1 ? gene.pieces : [gene];
    return parts.map((p, i) => ({ gene, contig: p.contig, start: p.start, end: p.end, strand: p.strand, piece: i + 1, pieces: parts.length }));
  });
}

/** Marks grouped by contig, contigs in the order they first appear. */
export function marksByContig(marks: readonly HitMark[]): Map<string, HitMark[]> {
  const byContig = new Map<string, HitMark[]>();
  for (const m of marks) {
    const list = byContig.get(m.contig);
    if (list) list.push(m);
    else byContig.set(m.contig, [m]);
  }
  return byContig;
}
