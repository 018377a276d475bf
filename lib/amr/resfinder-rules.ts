// How ResFinder 4.3 (cgecore Blaster) turns BLAST HSPs into gene calls, ported statement by statement
// from blaster.py, quirks included (docs/resfinder.md §3): hits compete greedily within one class, in the order
// BLAST reports them after a stable sort on identities.

/** One HSP as Blaster sees it: query coordinates are 1-based on the forward contig. */
export interface BlastHit {
  /** Catalog reference index; refId alone is ambiguous for sequences present in two class files. */
  ref: number;
  refId: string;
  contig: string;
  queryStart: number;
  queryEnd: number;
  sbjctStart: number;
  sbjctEnd: number;
  sbjctLength: number;
  alnLen: number;
  nident: number;
  gaps: number;
  /** Raw alignment score; only orders HSPs the way BLAST's report does. */
  score: number;
  minus: boolean;
}

export interface KeptHit extends BlastHit {
  percIdent: number;
  coverage: number;
  percCoverage: number;
  calScore: number;
}

/** Blaster's fixed pre-filter: HSPs covering 20 % of the reference or less are dropped. */
const CUT_OFF_COVERAGE = 20;
/** ResFinder's -ao default: hits overlapping by fewer bases do not compete. */
export const ALLOWED_OVERLAP = 30;

/**
 * Gene calls of one class. `perContig` holds, in FASTA order, each contig's HSPs with identity >= the
 * BLAST -perc_identity threshold already applied by the caller.
 */
export function resolveClass(perContig: BlastHit[][], minCoverage: number, allowedOverlap = ALLOWED_OVERLAP): KeptHit[] {
  const results = new Map<string, KeptHit>();
  const geneSplit = new Map<string, Map<string, true>>();
  for (const hits of perContig) {
    for (const hit of blastOrder(hits)) {
      const percIdent = (hit.nident / hit.alnLen) * 100;
      const coverage = (hit.alnLen - hit.gaps) / hit.sbjctLength;
      const percCoverage = ((hit.alnLen - hit.gaps) / hit.sbjctLength) * 100;
      const calScore = percIdent * coverage;
      if (!(percCoverage > CUT_OFF_COVERAGE)) continue;
      const best = keptHit(hit, percIdent, coverage, percCoverage, calScore);
      const hitId = `${hit.contig}:${hit.queryStart}..${hit.queryEnd}:${hit.refId}:${calScore.toFixed(6)}`;
      let save = true;
      if (results.size > 0) save = compare(best, hitId, results, geneSplit, allowedOverlap);
      if (save) results.set(hitId, best);
    }
  }
  for (const [hitId, hit] of [...results]) {
    let percCoverage = hit.percCoverage;
    const split = geneSplit.get(hit.refId);
    if (split && split.size > 1) percCoverage = (splitLength(split, results) / hit.sbjctLength) * 100;
    if (!(percCoverage >= minCoverage)) {
      results.delete(hitId);
      geneSplit.delete(hit.refId);
    }
  }
  return [...results.values()];
}

/**
 * The hit with Blaster's figures, written out field by field: a spread ({ ...hit, percIdent, … }) took
 * two thirds of this file's time on a gene-rich genome (1,500 hits of one class), mostly building objects.
 */
function keptHit(hit: BlastHit, percIdent: number, coverage: number, percCoverage: number, calScore: number): KeptHit {
  return {
    ref: hit.ref,
    refId: hit.refId,
    contig: hit.contig,
    queryStart: hit.queryStart,
    queryEnd: hit.queryEnd,
    sbjctStart: hit.sbjctStart,
    sbjctEnd: hit.sbjctEnd,
    sbjctLength: hit.sbjctLength,
    alnLen: hit.alnLen,
    nident: hit.nident,
    gaps: hit.gaps,
    score: hit.score,
    minus: hit.minus,
    percIdent,
    coverage,
    percCoverage,
    calScore,
  };
}

/** BLAST lists subjects best first and HSPs best first; Blaster then stably sorts subjects by max identities. */
function blastOrder(hits: BlastHit[]): BlastHit[] {
  const byRef = new Map<string, BlastHit[]>();
  for (const h of [...hits].sort((a, b) => b.score - a.score || a.queryStart - b.queryStart)) {
    const list = byRef.get(h.refId);
    if (list) list.push(h);
    else byRef.set(h.refId, [h]);
  }
  const groups = [...byRef.values()];
  const maxIdent = (g: BlastHit[]) => Math.max(...g.map((h) => h.nident));
  groups.sort((a, b) => maxIdent(b) - maxIdent(a));
  return groups.flat();
}

function compare(best: KeptHit, hitId: string, results: Map<string, KeptHit>, geneSplit: Map<string, Map<string, true>>, allowedOverlap: number): boolean {
  let save = true;
  const addSplit = (ref: string, id: string) => {
    let m = geneSplit.get(ref);
    if (!m) geneSplit.set(ref, (m = new Map()));
    m.set(id, true);
  };
  // Live, not over a copy: Blaster iterates a copy, but the only entry removed during the loop is the one
  // being visited, so both visit the same entries; copying made a pair per kept hit per new hit.
  for (const [oldId, old] of results) {
    let removeOld = false;
    if (best.refId === old.refId) {
      if (old.contig !== best.contig) {
        if (geneSplit.has(best.refId) && !geneSplit.get(best.refId)!.has(hitId)) addSplit(best.refId, hitId);
      } else if (best.sbjctStart < old.sbjctStart || best.sbjctEnd > old.sbjctEnd) {
        addSplit(old.refId, hitId);
        addSplit(old.refId, oldId);
      }
    }
    if (best.contig === old.contig) {
      const unionLength = Math.max(old.queryEnd, best.queryEnd) - Math.min(old.queryStart, best.queryStart);
      const lengthsSum = old.queryEnd - old.queryStart + (best.queryEnd - best.queryStart);
      if (lengthsSum - unionLength < allowedOverlap) continue;
      const splitHasNew = () => geneSplit.get(best.refId)?.has(hitId) ?? false;
      if (old.queryStart === best.queryStart && old.queryEnd === best.queryEnd) {
        if (best.percIdent > old.percIdent) {
          removeOld = true;
          if (geneSplit.has(best.refId) && !splitHasNew()) addSplit(best.refId, hitId);
        } else if (best.percIdent === old.percIdent) {
          if (geneSplit.has(best.refId) && !splitHasNew()) addSplit(best.refId, hitId);
        } else {
          save = false;
          if (splitHasNew()) geneSplit.get(best.refId)!.delete(hitId);
          break;
        }
      } else if (unionLength <= lengthsSum) {
        if (best.calScore > old.calScore) {
          removeOld = true;
          if (geneSplit.has(best.refId) && !splitHasNew()) addSplit(best.refId, hitId);
        } else if (best.calScore === old.calScore) {
          // Blaster breaks an exact score tie on length only when int(coverage) is equal; else keeps both.
          const sameCoverage = Math.trunc(best.percCoverage) === Math.trunc(old.percCoverage);
          if (sameCoverage && best.alnLen > old.alnLen) removeOld = true;
          else if (sameCoverage && old.alnLen > best.alnLen) save = false;
          if (geneSplit.has(best.refId) && !splitHasNew()) addSplit(best.refId, hitId);
        } else {
          if (splitHasNew()) geneSplit.get(best.refId)!.delete(hitId);
          save = false;
          break;
        }
      }
    }
    if (removeOld) {
      results.delete(oldId);
      geneSplit.get(old.refId)?.delete(oldId);
    }
  }
  return save;
}

/** Blaster's union of the reference spans of a gene's pieces: the first piece's length plus extensions. */
function splitLength(split: Map<string, true>, results: Map<string, KeptHit>): number {
  let length = 0;
  let start = 0;
  let end = 0;
  let first = true;
  for (const id of split.keys()) {
    const hit = results.get(id);
    // Blaster would raise a KeyError here; a piece removed after being recorded no longer counts.
    if (!hit) continue;
    if (first) {
      length = hit.alnLen;
      start = hit.sbjctStart;
      end = hit.sbjctEnd;
      first = false;
      continue;
    }
    if (hit.sbjctStart < start) {
      length += start - hit.sbjctStart;
      start = hit.sbjctStart;
    }
    if (hit.sbjctEnd > end) {
      length += hit.sbjctEnd - end;
      end = hit.sbjctEnd;
    }
  }
  return length;
}
