// Affine-gap alignment of a hit's genome sequence (the query, read in the gene's direction) against its
// reference: global in the query, free end gaps in the reference, so a partial hit finds its place in
// the reference. Kept apart from the search's own extension so allele annotation depends only on a
// finished call. Scores are BLASTN's defaults (reward 2, penalty -3, gap open 5, gap extend 2).

const MATCH = 2;
const MISMATCH = -3;
const GAP_OPEN = 5;
const GAP_EXTEND = 2;
const NEG = -(2 ** 30);
/** Dense tables beyond this many cells (the longest database entry squared is about 28 M) are refused. */
const MAX_CELLS = 64_000_000;
/** Seeds are k-mers occurring once in the reference; a diagonal needs this many to count as the hit's. */
const K = 12;
const MIN_SEEDS_ON_DIAGONAL = 12;
const BAND_MARGIN = 24;

export type AlignmentOp = "M" | "I" | "D";

export interface Alignment {
  /** 0-based, half-open span of the reference the query aligns to. */
  refStart: number;
  refEnd: number;
  /** Columns in order: M aligns a query base to a reference base, I is a query base the reference lacks, D a reference base the query lacks. */
  ops: AlignmentOp[];
}

const STATE_M = 0;
const STATE_D = 1;
const STATE_I = 2;
const D_EXTENDED = 4;
const I_EXTENDED = 8;

/** Aligns all of `query` to the best-matching span of `ref` (2-bit codes; ambiguous codes never match). */
export function alignToReference(ref: Uint8Array, query: Uint8Array): Alignment {
  const n = query.length;
  const m = ref.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) throw new RangeError(`alignment of ${n} x ${m} bases is too large`);
  const [lo, hi] = diagonalBand(ref, query);
  const width = m + 1;
  const trace = new Uint8Array((n + 1) * width);
  let prev = new Int32Array(width);
  let cur = new Int32Array(width);
  const ins = new Int32Array(width).fill(NEG);
  // Row 0: the reference may start anywhere (free leading reference gap).
  for (let i = 1; i <= n; i++) {
    const qi = query[i - 1];
    const jFrom = Math.max(1, i + lo);
    const jTo = Math.min(m, i + hi);
    cur.fill(NEG);
    // Column 0: query bases before any reference base are an insertion.
    cur[0] = -(GAP_OPEN + GAP_EXTEND * i);
    ins[0] = cur[0];
    trace[i * width] = STATE_I | (i > 1 ? I_EXTENDED : 0);
    let del = NEG;
    for (let j = jFrom; j <= jTo; j++) {
      const r = ref[j - 1];
      const diag = prev[j - 1] === NEG ? NEG : prev[j - 1] + (qi === r && qi < 4 ? MATCH : MISMATCH);
      let bits = 0;
      const delOpen = cur[j - 1] === NEG ? NEG : cur[j - 1] - GAP_OPEN - GAP_EXTEND;
      const delExt = del === NEG ? NEG : del - GAP_EXTEND;
      if (delExt > delOpen) bits |= D_EXTENDED;
      del = Math.max(delOpen, delExt);
      const insOpen = prev[j] === NEG ? NEG : prev[j] - GAP_OPEN - GAP_EXTEND;
      const insExt = ins[j] === NEG ? NEG : ins[j] - GAP_EXTEND;
      if (insExt > insOpen) bits |= I_EXTENDED;
      ins[j] = Math.max(insOpen, insExt);
      let best = diag;
      let state = STATE_M;
      if (del > best) (best = del), (state = STATE_D);
      if (ins[j] > best) (best = ins[j]), (state = STATE_I);
      cur[j] = best;
      trace[i * width + j] = state | bits;
    }
    // Cells outside the band stay unreachable for the next row's insertions.
    for (let j = 1; j < jFrom; j++) ins[j] = NEG;
    for (let j = jTo + 1; j <= m; j++) ins[j] = NEG;
    [prev, cur] = [cur, prev];
  }
  // Free trailing reference gap: the query may end anywhere in the reference.
  let refEnd = 0;
  for (let j = 1; j <= m; j++) if (prev[j] > prev[refEnd]) refEnd = j;
  if (n === 0) return { refStart: 0, refEnd: 0, ops: [] };
  return traceBack(trace, width, n, refEnd);
}

function traceBack(trace: Uint8Array, width: number, n: number, refEnd: number): Alignment {
  const ops: AlignmentOp[] = [];
  let i = n;
  let j = refEnd;
  let state = trace[i * width + j] & 3;
  while (i > 0) {
    const cell = trace[i * width + j];
    if (state === STATE_M) {
      ops.push("M");
      i--;
      j--;
      state = trace[i * width + j] & 3;
    } else if (state === STATE_D) {
      ops.push("D");
      j--;
      state = cell & D_EXTENDED ? STATE_D : trace[i * width + j] & 3;
    } else {
      ops.push("I");
      i--;
      state = cell & I_EXTENDED ? STATE_I : trace[i * width + j] & 3;
    }
  }
  return { refStart: j, refEnd, ops: ops.reverse() };
}

/**
 * The band of diagonals (reference position minus query position) the alignment may use: around the
 * diagonals of runs of k-mers unique in the reference, or every diagonal when none is convincing.
 */
function diagonalBand(ref: Uint8Array, query: Uint8Array): [number, number] {
  const full: [number, number] = [-query.length, ref.length];
  if (ref.length < K || query.length < K) return full;
  const seen = new Map<number, number>();
  forEachKmer(ref, (kmer, pos) => seen.set(kmer, seen.has(kmer) ? -1 : pos));
  const counts = new Map<number, number>();
  forEachKmer(query, (kmer, pos) => {
    const at = seen.get(kmer);
    if (at !== undefined && at >= 0) counts.set(at - pos, (counts.get(at - pos) ?? 0) + 1);
  });
  let lo = Infinity;
  let hi = -Infinity;
  for (const [diagonal, count] of counts) {
    if (count < MIN_SEEDS_ON_DIAGONAL) continue;
    lo = Math.min(lo, diagonal);
    hi = Math.max(hi, diagonal);
  }
  if (lo > hi) return full;
  // Both ends of the query must stay reachable: the reference span may start before the first seed.
  return [lo - BAND_MARGIN, hi + BAND_MARGIN];
}

function forEachKmer(codes: Uint8Array, visit: (kmer: number, pos: number) => void): void {
  const mask = (1 << (2 * K)) - 1;
  let kmer = 0;
  let valid = 0;
  for (let p = 0; p < codes.length; p++) {
    const c = codes[p];
    if (c > 3) {
      valid = 0;
      continue;
    }
    kmer = ((kmer << 2) | c) & mask;
    if (++valid >= K) visit(kmer, p - K + 1);
  }
}
