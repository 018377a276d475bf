// The resfinder-sensitive model's calls: the default model's calls, untouched, plus what the extra HSPs
// (spaced seeds) and the joining of split genes add. An extra call is reported only where no default call
// of its class lies (ALLOWED_OVERLAP bases of overlap), so a gene the default model calls keeps its call.
import type { Catalog } from "./catalog";
import { callGenes, callKey, round2 } from "./call-genes";
import { ALLOWED_OVERLAP, type BlastHit } from "./resfinder-rules";
import { joinSplitGenes, type SplitCall } from "./split-genes";
import type { AmrParams, GeneHit } from "./types";

export function sensitiveCalls(
  defaultGenes: GeneHit[],
  allHits: BlastHit[][],
  contigLengths: ReadonlyMap<string, number>,
  catalog: Catalog,
  params: AmrParams,
): GeneHit[] {
  const known = new Set(defaultGenes.map((g) => callKey(g.refId, g.contig, g.start, g.end)));
  const clashes = (g: GeneHit, others: GeneHit[]) =>
    others.some((d) => d.class === g.class && d.contig === g.contig && Math.min(d.end, g.end) - Math.max(d.start, g.start) + 1 >= ALLOWED_OVERLAP);
  const added = callGenes(allHits, catalog, params)
    .filter((g) => !known.has(callKey(g.refId, g.contig, g.start, g.end)) && !clashes(g, defaultGenes))
    .map((g): GeneHit => ({ ...g, sensitiveOnly: true }));

  const splits = joinSplitGenes(allHits, contigLengths, (ref) => catalog.refs[ref].classIndex, params.minIdentity, params.minCoverage);
  // A joined gene replaces the calls made of its own pieces (the same reference at the same place).
  const pieceKeys = new Set(splits.flatMap((s) => s.pieces.map((p) => callKey(p.refId, p.contig, p.queryStart, p.queryEnd))));
  const kept = [...defaultGenes, ...added].filter((g) => !pieceKeys.has(callKey(g.refId, g.contig, g.start, g.end)));
  // A sequence listed in two class files joins twice, like it is found twice; report it once, as ResFinder does.
  const seen = new Set<string>();
  const joined = splits.map((s) => toSplitHit(s, catalog)).filter((g) => {
    const key = callKey(g.refId, g.contig, g.start, g.end);
    return !seen.has(key) && seen.add(key);
  });
  return [...kept, ...joined];
}

function toSplitHit(s: SplitCall, catalog: Catalog): GeneHit {
  const first = s.pieces[0];
  const ref = catalog.refs[first.ref];
  const strand = (h: BlastHit) => (h.minus ? "-" : "+") as "+" | "-";
  return {
    refId: ref.refId,
    gene: ref.gene,
    accession: ref.accession,
    class: catalog.classes[ref.classIndex].name,
    contig: first.contig,
    start: first.queryStart,
    end: first.queryEnd,
    strand: strand(first),
    identity: round2(s.percIdent),
    coverage: round2(s.percCoverage),
    alignmentLength: s.alnLen,
    referenceLength: first.sbjctLength,
    antibiotics: [...ref.antibiotics],
    split: true,
    pieces: s.pieces.map((p) => ({ contig: p.contig, start: p.queryStart, end: p.queryEnd, strand: strand(p) })),
    sensitiveOnly: true,
  };
}
