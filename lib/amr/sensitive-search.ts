// The sensitive model's extra seeding on one contig: spaced seeds (spaced-index.ts) instead of 28-base
// exact words. A seed hit is first extended without gaps, as BLAST does; only a hit whose ungapped
// segment scores well gets the gapped X-drop extension the default model uses. Hits inside an HSP
// already found (by either seeding) are skipped, so the default model's HSPs are never redone or changed.
import type { Catalog } from "./catalog";
import { extendHsp, purgeSharedEnds, type ContigSearch, type Hsp } from "./contig-search";
import { AMBIGUOUS } from "./nucleotides";
import { SPACED_SPAN, keyRank, occPos, occRef, type SpacedIndex } from "./spaced-index";

/** Two consecutive windows of the spaced seed: 20 bases. */
const SEED_SPAN = SPACED_SPAN + 3;
/**
 * Ungapped scores break even at 75 % identity, so the ungapped pass runs through an 80–90 % gene but
 * stops within a few dozen bases on the chromosomal homologs at 60–75 % that real genomes hold by the
 * hundred (they would end below the 80 % threshold anyway, and they were most of this model's cost).
 */
const UNGAPPED_MATCH = 1;
const UNGAPPED_MISMATCH = -3;
const UNGAPPED_XDROP = 15;
/**
 * An ungapped segment worth the gapped extension: e.g. 100 bases at 85 % identity, 200 at 80 %. Half of
 * that let through hundreds of short segments of 60–75 % homologs on E. coli whose gapped extensions
 * (at such identity every DP row is computed) were a fifth of this model's time and never gave a call.
 */
const MIN_UNGAPPED_SCORE = 40;

/** Within this many bases of a contig end a default call's locus is still searched: a split gene's piece may lie there. */
const END_ZONE = 3000;

/**
 * HSPs the spaced seeds find beyond `known` (the default seeding's HSPs on this contig), after BLAST's
 * purge among themselves. Coordinates as in ContigSearch: on the oriented strand, 0-based, end exclusive.
 * Loci the default model will call (an HSP passing both thresholds) are not searched again away from the
 * contig ends: an extra call of that class there would be dropped anyway (sensitive-calls.ts), and the
 * hundreds of alleles of a family at such a locus were most of this model's cost. (A diverged gene of
 * another class overlapping a called gene by more than its seeds' length is the price.)
 */
export function findSensitiveHsps(
  contig: Pick<ContigSearch, "strand" | "memo">,
  catalog: Catalog,
  index: SpacedIndex,
  known: readonly Hsp[],
  thresholds: { minIdentity: number; minCoverage: number },
): Hsp[] {
  // Per reference and strand (ref * 2 + minus): the HSPs so far, and the last ungapped extension, whose
  // diagonal later hits inside it would only repeat.
  const slots = catalog.refs.length * 2;
  const byRefStrand: (Hsp[] | undefined)[] = new Array(slots);
  for (const h of known) (byRefStrand[h.ref * 2 + (h.minus ? 1 : 0)] ??= []).push(h);
  const found = new Map<number, Hsp[]>();
  const lastDiag = new Int32Array(slots).fill(-1 << 30);
  const lastReach = new Int32Array(slots);
  const { presence, keyStart, occ } = index;
  const forward = contig.strand(false);
  const length = forward.length;
  // Called loci, forward coordinates [from, to), sorted and merged.
  const called: [number, number][] = [];
  for (const h of known) {
    const ref = catalog.refs[h.ref];
    if (h.nident * 100 < thresholds.minIdentity * h.alnLen || (h.alnLen - h.gaps) * 100 < thresholds.minCoverage * ref.codes.length) continue;
    const from = h.minus ? length - h.qEnd : h.qStart;
    const to = h.minus ? length - h.qStart : h.qEnd;
    if (from >= END_ZONE && to <= length - END_ZONE) called.push([from, to]);
  }
  const merged: [number, number][] = [];
  for (const [from, to] of called.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }

  for (const minus of [false, true]) {
    const q = contig.strand(minus);
    const memo = contig.memo(minus);
    const consider = (ref: number, rPos: number, qPos: number) => {
      const key = ref * 2 + (minus ? 1 : 0);
      const list = byRefStrand[key];
      if (list) {
        for (const h of list) {
          if (h.qStart <= qPos && qPos + SEED_SPAN <= h.qEnd && h.rStart <= rPos && rPos + SEED_SPAN <= h.rEnd) return;
        }
      }
      const diag = qPos - rPos;
      if (lastDiag[key] === diag && qPos < lastReach[key]) return;
      const r = catalog.refs[ref].codes;
      const seg = ungapped(q, qPos, r, rPos);
      lastDiag[key] = diag;
      lastReach[key] = seg.qEnd;
      if (seg.score < MIN_UNGAPPED_SCORE) return;
      // Gapped extension both ways from the middle of the ungapped segment, as BLAST starts inside it.
      const qm = (seg.qStart + seg.qEnd) >> 1;
      const rm = qm - diag;
      const hsp = extendHsp(forward, r, ref, minus, qm, rm, 0, memo);
      if (hsp.alnLen === 0) return;
      (byRefStrand[key] ??= []).push(hsp);
      let mine = found.get(key);
      if (!mine) found.set(key, (mine = []));
      mine.push(hsp);
    };
    // The key of window p is rolled per reading phase, as in forEachSpacedKey (inlined: this is the hot loop).
    // Two hits in a row, as BLAST's two-hit rule: window p - 3 and window p (same phase) must both match the
    // same reference at consecutive places, which is window p - 3 matching and two more bases compared.
    // The called loci on this strand, in increasing oriented position.
    const loci = minus ? merged.map(([from, to]) => [length - to, length - from]).reverse() : merged;
    let locus = 0;
    // k0/v0 hold the key and valid-pair count of the phase of x; the three phases rotate each step.
    let k0 = 0;
    let k1 = 0;
    let k2 = 0;
    let v0 = 0;
    let v1 = 0;
    let v2 = 0;
    for (let x = 0; x + 1 < q.length; x++) {
      const a = q[x];
      const b = q[x + 1];
      const before = k0;
      let k = 0;
      let v = 0;
      // AMBIGUOUS (4) is the only code with bit 2 set.
      if (((a | b) & 4) === 0) {
        k = ((before << 4) | (a << 2) | b) & 0xffffff;
        v = v0 + 1;
      }
      k0 = k1;
      k1 = k2;
      k2 = k;
      v0 = v1;
      v1 = v2;
      v2 = v;
      if (v < 7 || ((presence[k >>> 5] >>> (k & 31)) & 1) === 0 || ((presence[before >>> 5] >>> (before & 31)) & 1) === 0) continue;
      const p = x - 18;
      while (locus < loci.length && loci[locus][1] < p + SEED_SPAN) locus++;
      if (locus < loci.length && loci[locus][0] <= p) continue;
      const i = keyRank(index, before);
      for (let o = keyStart[i]; o < keyStart[i + 1]; o++) {
        const ref = occRef(occ[o]);
        const rPos = occPos(occ[o]);
        const r = catalog.refs[ref].codes;
        if (r[rPos + 18] === a && r[rPos + 19] === b) consider(ref, rPos, p);
      }
    }
  }
  return purgeSharedEnds(found.values());
}

/** Best-scoring ungapped segment through (qPos, rPos), X-drop both ways; q* on the oriented contig, end exclusive. */
function ungapped(q: Uint8Array, qPos: number, r: Uint8Array, rPos: number): { qStart: number; qEnd: number; score: number } {
  let score = 0;
  let best = 0;
  let right = 0;
  for (let i = 0; qPos + i < q.length && rPos + i < r.length; i++) {
    const c = q[qPos + i];
    score += c === r[rPos + i] && c !== AMBIGUOUS ? UNGAPPED_MATCH : UNGAPPED_MISMATCH;
    if (score > best) {
      best = score;
      right = i + 1;
    } else if (score < best - UNGAPPED_XDROP) break;
  }
  const rightBest = best;
  score = 0;
  best = 0;
  let left = 0;
  for (let i = 1; qPos - i >= 0 && rPos - i >= 0; i++) {
    const c = q[qPos - i];
    score += c === r[rPos - i] && c !== AMBIGUOUS ? UNGAPPED_MATCH : UNGAPPED_MISMATCH;
    if (score > best) {
      best = score;
      left = i;
    } else if (score < best - UNGAPPED_XDROP) break;
  }
  return { qStart: qPos - left, qEnd: qPos + right, score: rightBest + best };
}
