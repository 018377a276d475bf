// Seeds and extends alignments on one contig, one owned range of k-mer start positions at a time.
// Extensions always see the whole contig, and seeds are visited in increasing contig position whatever
// the ranges are, so the HSPs found do not depend on how the contig is cut into segments.
import type { Catalog } from "./catalog";
import { K, MIN_SEED } from "./kmer-index";
import { scanKmers } from "./kmer-scan";
import { AMBIGUOUS, COMPLEMENT, SAME_CODE, reverseComplement } from "./nucleotides";
import { ExtensionMemo } from "./extension-memo";
import { MATCH, extend } from "./xdrop-align";

const NO_DIAGONAL = -(2 ** 31);

/** A local alignment of one reference on one strand; q* are on the oriented contig, 0-based, end exclusive. */
export interface Hsp {
  ref: number;
  minus: boolean;
  qStart: number;
  qEnd: number;
  rStart: number;
  rEnd: number;
  score: number;
  nident: number;
  alnLen: number;
  gaps: number;
}

export class ContigSearch {
  private readonly fwd: Uint8Array;
  private rc: Uint8Array | null = null;
  private readonly byRefStrand = new Map<number, Hsp[]>();
  /** Per strand, the X-drop rows already computed over this contig (most alleles of a family cross the same loci). */
  private readonly memos: readonly [ExtensionMemo, ExtensionMemo];
  /** Per reference and strand (ref * 2 + minus), the diagonal and span of the last exact match grown. */
  private readonly lastDiagonal: Int32Array;
  private readonly lastStart: Int32Array;
  private readonly lastEnd: Int32Array;

  /**
   * `codes`: the contig as codes 0..4 (Contig.codes). `memos`: one per strand, emptied here; a caller
   * searching contigs one after another passes the same pair, so their buffers are grown once per run
   * instead of once per contig (they reach megabytes on a gene-rich genome).
   */
  constructor(
    codes: Uint8Array,
    private readonly catalog: Catalog,
    memos: readonly [ExtensionMemo, ExtensionMemo],
  ) {
    this.fwd = codes;
    for (const memo of memos) memo.reset();
    this.memos = memos;
    const keys = catalog.refs.length * 2;
    this.lastDiagonal = new Int32Array(keys).fill(NO_DIAGONAL);
    this.lastStart = new Int32Array(keys);
    this.lastEnd = new Int32Array(keys);
  }

  get length(): number {
    return this.fwd.length;
  }

  /** Looks up the k-mers starting in [from, to) on both strands and extends the seeds they give. */
  scan(from: number, to: number): void {
    this.seedHits(scanKmers(this.fwd, from, to, this.catalog.index));
  }

  /**
   * Extends the seeds of k-mer hits (pairs of index entry and k-mer start, from scanKmers over this
   * contig's codes); successive calls must follow the contig's order.
   */
  private seedHits(hits: Int32Array): void {
    const { occRef, occPos } = this.catalog.index;
    const len = this.fwd.length;
    for (let h = 0; h < hits.length; h += 2) {
      const o = hits[h];
      const p = hits[h + 1];
      const pos = occPos[o];
      if (pos >= 0) this.seed(occRef[o], pos, false, p);
      else this.seed(occRef[o], ~pos, true, len - p - K);
    }
  }

  private seed(ref: number, rPos: number, minus: boolean, qPos: number): void {
    const key = ref * 2 + (minus ? 1 : 0);
    // A hit inside the exact match the last hit of this reference and strand grew to grows to that same
    // match, which is already inside an HSP (its own, or the one that made extending it needless).
    if (this.lastDiagonal[key] === qPos - rPos && this.lastStart[key] <= qPos && qPos + K <= this.lastEnd[key]) return;
    const f = this.fwd;
    const len = f.length;
    const r = this.catalog.refs[ref].codes;
    // Grow the k-mer hit to the maximal exact match; BLAST needs MIN_SEED identical bases to start. On the
    // minus strand, base x of the reverse complement is the complement of forward base len - 1 - x.
    // One loop for both strands (a branch per strand left the optimized code without feedback for one).
    const at = minus ? len - 1 : 0;
    const step = minus ? -1 : 1;
    const bases = minus ? COMPLEMENT : SAME_CODE;
    let left = 0;
    while (qPos - left > 0 && rPos - left > 0) {
      const c = bases[f[at + step * (qPos - left - 1)]];
      if (c !== r[rPos - left - 1] || c === AMBIGUOUS) break;
      left++;
    }
    let right = K;
    while (qPos + right < len && rPos + right < r.length) {
      const c = bases[f[at + step * (qPos + right)]];
      if (c !== r[rPos + right] || c === AMBIGUOUS) break;
      right++;
    }
    const seedLen = left + right;
    const qs = qPos - left;
    const rs = rPos - left;
    this.lastDiagonal[key] = qs - rs;
    this.lastStart[key] = qs;
    this.lastEnd[key] = qs + seedLen;
    if (seedLen < MIN_SEED) return;
    const known = this.byRefStrand.get(key);
    if (known) {
      for (const h of known) {
        if (h.qStart <= qs && qs + seedLen <= h.qEnd && h.rStart <= rs && rs + seedLen <= h.rEnd) return;
      }
    }
    const hsp = extendHsp(f, r, ref, minus, qs, rs, seedLen, this.memo(minus));
    if (known) known.push(hsp);
    else this.byRefStrand.set(key, [hsp]);
  }

  /** HSPs after BLAST's purge of alignments sharing an end point with a better one. */
  finalHsps(): Hsp[] {
    return purgeSharedEnds(this.byRefStrand.values());
  }

  /** The extension memo of one strand (extendHsp reads the forward contig for both). */
  memo(minus: boolean): ExtensionMemo {
    return this.memos[minus ? 1 : 0];
  }

  /** The contig's codes on one strand (the reverse complement is made once, on first use). */
  strand(minus: boolean): Uint8Array {
    if (!minus) return this.fwd;
    this.rc ??= reverseComplement(this.fwd);
    return this.rc;
  }
}

/**
 * The HSP grown by gapped X-drop extension both ways from an exact match of `matched` bases at (qs, rs) on
 * the oriented contig; with `matched` 0 it grows from the point between bases qs - 1 and qs. `fwd` is the
 * forward contig whatever the strand: on the minus strand the extensions read it backwards, complemented.
 * `memo` must be this contig's memo for that strand (see extend).
 */
export function extendHsp(fwd: Uint8Array, r: Uint8Array, ref: number, minus: boolean, qs: number, rs: number, matched: number, memo: ExtensionMemo | null = null): Hsp {
  const len = fwd.length;
  const qEnd = qs + matched;
  const after = minus
    ? extend(fwd, len - 1 - qEnd, len - qEnd, r, rs + matched, r.length - rs - matched, 1, memo, true)
    : extend(fwd, qEnd, len - qEnd, r, rs + matched, r.length - rs - matched, 1, memo);
  const before = minus ? extend(fwd, len - qs, qs, r, rs - 1, rs, -1, memo, true) : extend(fwd, qs - 1, qs, r, rs - 1, rs, -1, memo);
  return {
    ref,
    minus,
    qStart: qs - before.qLen,
    qEnd: qs + matched + after.qLen,
    rStart: rs - before.rLen,
    rEnd: rs + matched + after.rLen,
    score: matched * MATCH + before.score + after.score,
    nident: matched + before.nident + after.nident,
    alnLen: matched + before.alnLen + after.alnLen,
    gaps: before.gaps + after.gaps,
  };
}

/** BLAST's purge, within each group of one reference and strand: an HSP sharing a start or an end with a better one goes. */
export function purgeSharedEnds(groups: Iterable<Hsp[]>): Hsp[] {
  const kept: Hsp[] = [];
  for (const group of groups) {
    const sorted = [...group].sort((a, b) => b.score - a.score || a.qStart - b.qStart || a.rStart - b.rStart);
    // Numeric keys (reference positions stay below 2^16, contig positions below 2^36).
    const starts = new Set<number>();
    const ends = new Set<number>();
    for (const h of sorted) {
      const s = h.qStart * 65536 + h.rStart;
      const e = h.qEnd * 65536 + h.rEnd;
      if (starts.has(s) || ends.has(e)) continue;
      starts.add(s);
      ends.add(e);
      kept.push(h);
    }
  }
  return kept;
}
