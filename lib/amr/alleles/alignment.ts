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
const K = 8;
const MIN_SEEDS_ON_DIAGONAL = 12;
const UNSEEN = -1;
const REPEATED = -2;
const BAND_MARGIN = 12;

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

/**
 * Aligns all of `query` to the best-matching span of `ref` (2-bit codes; ambiguous codes never
 * match), within `seeds` (seedDiagonals) widened by a margin, or everywhere when there are none.
 */
export function alignToReference(ref: Uint8Array, query: Uint8Array, seeds: [number, number] | null = seedDiagonals(ref, query)): Alignment {
  const n = query.length;
  const m = ref.length;
  if (n === 0) return { refStart: 0, refEnd: 0, ops: [] };
  const lo = seeds ? Math.max(-n, seeds[0] - BAND_MARGIN) : -n;
  const hi = seeds ? Math.min(m, seeds[1] + BAND_MARGIN) : m;
  // The trace keeps only the band: row i holds columns from max(1, i + lo) - 1 on.
  const width = Math.min(m, hi - lo + 1) + 1;
  if ((n + 1) * width > MAX_CELLS) throw new RangeError(`alignment of ${n} x ${m} bases is too large`);
  const trace = new Uint8Array((n + 1) * width);
  const last = fillTrace(ref, query, lo, hi, width, trace);
  // Free trailing reference gap: the query may end anywhere in the reference.
  let refEnd = 0;
  for (let j = Math.max(1, n + lo); j <= Math.min(m, n + hi); j++) if (last[j] > last[refEnd]) refEnd = j;
  return traceBack(trace, width, lo, n, refEnd);
}

/** The dynamic-programming pass, kept small and apart so the JIT optimises it early; returns the last row's scores. */
function fillTrace(ref: Uint8Array, query: Uint8Array, lo: number, hi: number, width: number, trace: Uint8Array): Int32Array {
  const n = query.length;
  const m = ref.length;
  // Unreachable cells hold NEG; NEG minus a few thousand gap costs still fits an Int32Array.
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1).fill(NEG);
  const ins = new Int32Array(m + 1).fill(NEG);
  // Row 0 is all zeros: the reference may start anywhere (free leading reference gap).
  for (let i = 1; i <= n; i++) {
    const qi = query[i - 1];
    const jFrom = Math.max(1, i + lo);
    const jTo = Math.min(m, i + hi);
    const row = i * width - (jFrom - 1);
    // Column 0: query bases before any reference base are an insertion.
    cur[0] = -(GAP_OPEN + GAP_EXTEND * i);
    if (jFrom === 1) trace[row] = STATE_I | (i > 1 ? I_EXTENDED : 0);
    else cur[jFrom - 1] = NEG;
    let del = NEG;
    for (let j = jFrom; j <= jTo; j++) {
      const diag = prev[j - 1] + (qi === ref[j - 1] && qi < 4 ? MATCH : MISMATCH);
      let bits = 0;
      const delOpen = cur[j - 1] - GAP_OPEN - GAP_EXTEND;
      const delExt = del - GAP_EXTEND;
      if (delExt > delOpen) {
        bits |= D_EXTENDED;
        del = delExt;
      } else del = delOpen;
      const insOpen = prev[j] - GAP_OPEN - GAP_EXTEND;
      const insExt = ins[j] - GAP_EXTEND;
      let insert = insOpen;
      if (insExt > insOpen) {
        bits |= I_EXTENDED;
        insert = insExt;
      }
      ins[j] = insert;
      let best = diag;
      let state = STATE_M;
      if (del > best) {
        best = del;
        state = STATE_D;
      }
      if (insert > best) {
        best = insert;
        state = STATE_I;
      }
      cur[j] = best;
      trace[row + j] = state | bits;
    }
    // The next row's band reaches one column further right: that cell was not computed here.
    if (jTo < m) {
      cur[jTo + 1] = NEG;
      ins[jTo + 1] = NEG;
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev;
}

function traceBack(trace: Uint8Array, width: number, lo: number, n: number, refEnd: number): Alignment {
  const ops: AlignmentOp[] = [];
  let i = n;
  let j = refEnd;
  // Row i of the trace starts at column max(1, i + lo) - 1.
  let row = i * width - Math.max(0, i + lo - 1);
  let state = trace[row + j] & 3;
  while (i > 0) {
    const cell = trace[row + j];
    if (state === STATE_D) {
      ops.push("D");
      j--;
      state = cell & D_EXTENDED ? STATE_D : trace[row + j] & 3;
      continue;
    }
    ops.push(state === STATE_M ? "M" : "I");
    if (state === STATE_M) j--;
    i--;
    row = i * width - Math.max(0, i + lo - 1);
    if (i === 0) break;
    state = state === STATE_I && cell & I_EXTENDED ? STATE_I : trace[row + j] & 3;
  }
  return { refStart: j, refEnd, ops: ops.reverse() };
}

// Scratch for seedDiagonals: which reference position holds each k-mer. Entries are reset after each
// use, so a call costs its sequences' length rather than a fresh 4^K table.
const kmerAt = new Int32Array(1 << (2 * K)).fill(UNSEEN);
const KMER_MASK = (1 << (2 * K)) - 1;

/**
 * The range of diagonals (reference position minus query position) that carry many k-mers occurring
 * once in the reference, or null when none does. Short k-mers keep seeds on the true diagonals even
 * at 80 % identity; a chance match rarely repeats on one diagonal.
 */
export function seedDiagonals(ref: Uint8Array, query: Uint8Array): [number, number] | null {
  const n = query.length;
  const m = ref.length;
  if (m < K || n < K) return null;
  const perDiagonal = new Int32Array(n + m + 1);
  let kmer = 0;
  let valid = 0;
  for (let p = 0; p < m; p++) {
    const c = ref[p];
    if (c > 3) valid = 0;
    else if (((kmer = ((kmer << 2) | c) & KMER_MASK), ++valid >= K)) kmerAt[kmer] = kmerAt[kmer] === UNSEEN ? p - K + 1 : REPEATED;
  }
  valid = 0;
  for (let p = 0; p < n; p++) {
    const c = query[p];
    if (c > 3) valid = 0;
    else if (((kmer = ((kmer << 2) | c) & KMER_MASK), ++valid >= K) && kmerAt[kmer] >= 0) perDiagonal[kmerAt[kmer] - (p - K + 1) + n]++;
  }
  valid = 0;
  for (let p = 0; p < m; p++) {
    const c = ref[p];
    if (c > 3) valid = 0;
    else if (((kmer = ((kmer << 2) | c) & KMER_MASK), ++valid >= K)) kmerAt[kmer] = UNSEEN;
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let d = 0; d < perDiagonal.length; d++) {
    if (perDiagonal[d] < MIN_SEEDS_ON_DIAGONAL) continue;
    lo = Math.min(lo, d - n);
    hi = Math.max(hi, d - n);
  }
  return lo > hi ? null : [lo, hi];
}
