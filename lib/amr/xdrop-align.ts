// Gapped X-drop extension with BLAST megablast's scoring, so alignment ends, identities and gaps come
// out as in the BLAST runs ResFinder parses. Scores are doubled to keep them integer:
// reward 1 -> 2, penalty -2 -> -4, linear gap 2.5 per base (megablast's 0/0 gap costs) -> 5,
// final X-drop 100 bits = 54 raw -> 108.
import { ENDS_STEADY, ENDS_DEAD, ENDS_REFERENCE, ExtensionMemo, type Stretch } from "./extension-memo";
import { grown } from "./grown";

export const MATCH = 2;
export const MISMATCH = -4;
export const GAP = 5;
export const XDROP = 108;
const DEAD = -1 << 30;
// Beyond this many more query than reference bases a path has paid far more than XDROP in gaps.
const MAX_DRIFT = 256;

export interface Extension {
  score: number;
  qLen: number;
  rLen: number;
  nident: number;
  alnLen: number;
  gaps: number;
}

const EMPTY: Extension = { score: 0, qLen: 0, rLen: 0, nident: 0, alnLen: 0, gaps: 0 };

// The steady row of a run of matches on the best diagonal (column d, score B, X-drop floor B - MATCH - XDROP
// for the next row): cells k columns right of d hold B - GAP*k (gaps in the reference, same row), cells
// k columns left hold B - (GAP + MATCH)*k (gaps in the query, paid rows earlier), and nothing else lives.
// Each further match on the diagonal reproduces it shifted by one column and MATCH higher, whatever the
// off-diagonal bases are: an off-diagonal match only ties a cell's value (then its move is diagonal).
// So such rows need not be computed; their moves are derived during the traceback.
const STEADY_RIGHT = Math.floor((XDROP + MATCH) / GAP);
const STEADY_LEFT = Math.floor((XDROP + MATCH) / (GAP + MATCH));
const STEADY_SPAN = STEADY_LEFT + STEADY_RIGHT;
/** Shorter runs are computed: checking the steady row costs about as much as a row. */
const MIN_SKIP = 8;
const SKIPPED = -1;

// (extend() writes a steady row inline, in its three places: as a function of its own it made the
// extensions about 5 % slower, measured on 2,664 replayed extensions.)
function steadyValue(best: number, k: number): number {
  return k >= 0 ? best - GAP * k : best + (GAP + MATCH) * k;
}

function isSteady(row: Int32Array, d: number, best: number): boolean {
  for (let k = -STEADY_LEFT; k <= STEADY_RIGHT; k++) if (row[d + k] !== steadyValue(best, k)) return false;
  return true;
}

// Sized past the longest reference from the start: a buffer grown in the middle of a run is a path the
// optimized code has not seen, and taking it throws the function back to the unoptimized tiers.
const INITIAL_ROWS = 1 << 14;
let rowA = new Int32Array(INITIAL_ROWS);
let rowB = new Int32Array(INITIAL_ROWS);
let trace = new Uint8Array(1 << 20);
let rowLo = new Int32Array(INITIAL_ROWS);
let rowAt = new Int32Array(INITIAL_ROWS);
let qBuf = new Uint8Array(INITIAL_ROWS);
let rBuf = new Uint8Array(INITIAL_ROWS);
// Never equal to a query code: an ambiguous reference base mismatches everything.
const NO_MATCH = 5;
// The query base of column 0, which has none; never equal to a reference code.
const QUERY_NONE = 6;
// SCORES[r * 8 + q]: query code q against reference code r, looked up so the inner loop does not branch on it.
const SCORES = new Int32Array(48);
for (let r = 0; r < 6; r++) for (let q = 0; q < 8; q++) SCORES[r * 8 + q] = q === r && r < 4 ? MATCH : MISMATCH;
// Reference code -> the code the DP compares: itself, or its complement when the query is read as its
// reverse complement; an ambiguous base becomes NO_MATCH.
const SAME_REF = new Uint8Array([0, 1, 2, 3, NO_MATCH]);
const COMPLEMENT_REF = new Uint8Array([3, 2, 1, 0, NO_MATCH]);
// rowAt of a row whose moves a memo holds: -FROM_MEMO - (offset in the memo's trace).
const FROM_MEMO = 2;

/**
 * Best-scoring extension from (q[qFrom], r[rFrom]) walking `dir` (+1 right, -1 left) over at most
 * qAvail query and rAvail reference bases. Ties prefer the shorter extension, as BLAST's strict `>` does.
 * With `complement` the query is read the other way and complemented: its reverse complement, which need
 * not be made (qFrom is then the forward position of the first base read). A `memo` (one
 * per query array and way of reading it, and the array must not change while the memo is used) lets
 * extensions over the same stretch of query share their rows (extension-memo.ts); results are the same
 * with or without it.
 */
export function extend(
  q: Uint8Array,
  qFrom: number,
  qAvail: number,
  r: Uint8Array,
  rFrom: number,
  rAvail: number,
  dir: 1 | -1,
  memo: ExtensionMemo | null = null,
  complement = false,
): Extension {
  if (qAvail <= 0 || rAvail <= 0) return EMPTY;
  const width = Math.min(qAvail, rAvail + MAX_DRIFT);
  if (rowA.length < width + 3) {
    rowA = new Int32Array(width * 2 + 3);
    rowB = new Int32Array(width * 2 + 3);
  }
  if (rowLo.length < rAvail + 1) {
    rowLo = new Int32Array(rAvail * 2 + 2);
    rowAt = new Int32Array(rAvail * 2 + 2);
  }
  // Both sequences copied in walking order, so the inner loop indexes plainly: qs[j] is the query base of
  // column j (qs[0] a base that matches nothing: column 0 has no diagonal predecessor anyway).
  if (qBuf.length < width + 1) qBuf = new Uint8Array(width * 2 + 1);
  if (rBuf.length < rAvail) rBuf = new Uint8Array(rAvail * 2);
  const qs = qBuf;
  const rs = rBuf;
  qs[0] = QUERY_NONE;
  // The query's own step: reading its reverse complement walks it the other way. It is copied natively
  // (a copy, then a reversal when walking leftwards): a loop here ran unoptimized through the first few
  // hundred extensions. Complementing the reference instead of the query gives the same matches.
  const qStep: 1 | -1 = complement ? (dir > 0 ? -1 : 1) : dir;
  if (qStep > 0) qs.set(q.subarray(qFrom, qFrom + width), 1);
  else {
    qs.set(q.subarray(qFrom - width + 1, qFrom + 1), 1);
    qs.subarray(1, width + 1).reverse();
  }
  const refBases = complement ? COMPLEMENT_REF : SAME_REF;
  for (let i = 0; i < rAvail; i++) rs[i] = refBases[r[rFrom + dir * i]];
  let prev = rowA;
  let cur = rowB;
  let best = 0;
  let bestI = 0;
  let bestJ = 0;
  let tbLen = 0;

  // Row 0: query bases against nothing. A row is read only inside the live span [lo, hi] of the row
  // before it; cells past hi are dead, so no buffer needs resetting between rows.
  let lo = 0;
  let hi = 0;
  prev[0] = 0;
  while (hi + 1 <= width && -(hi + 1) * GAP >= -XDROP) {
    hi++;
    prev[hi] = -hi * GAP;
  }
  rowLo[0] = 0;
  rowAt[0] = 0;
  if (trace.length < hi + 1) trace = grown(trace, hi + 1);
  for (let j = 0; j <= hi; j++) trace[j] = 2;
  tbLen = hi + 1;

  // The stretch being computed for the memo: its key, starting row and diagonal, best score there, and the
  // largest column its rows read (past `width` the rows were cut short, and the stretch is not stored).
  const useMemo = memo !== null && width > STEADY_RIGHT + 1;
  let recording = false;
  let recKey = 0;
  let recI = 0;
  let recD = 0;
  let recBest = 0;
  let recMax = 0;
  // i is the last row computed (or copied, or skipped); a copied stretch ends on a steady row.
  let i = 0;
  let steadyKnown = false;
  // Set when a copied stretch ends the extension (one return below: a second call site of traceBack, first
  // reached after optimization, sent extend() back to the unoptimized tiers).
  let finished = false;
  if (useMemo) {
    const key = ExtensionMemo.key(qFrom - qStep, qStep, true);
    const hit = memo.find(key, rs, 0, rAvail, 0, width);
    if (hit) {
      i = copyStretch(memo, hit, 0, 0);
      best = hit.gain;
      bestI = hit.bestRow;
      bestJ = hit.bestColumn;
      if (hit.ends !== ENDS_STEADY) finished = true;
      else steadyKnown = true;
    } else if (!memo.full) {
      recording = true;
      recKey = key;
    }
  }
  if (steadyKnown) {
    lo = bestJ - STEADY_LEFT;
    hi = bestJ + STEADY_RIGHT;
    for (let k = -STEADY_LEFT; k <= STEADY_RIGHT; k++) prev[bestJ + k] = steadyValue(best, k);
  }

  while (!finished) {
    if (steadyKnown || (hi - lo === STEADY_SPAN && bestI === i && hi === bestJ + STEADY_RIGHT && isSteady(prev, bestJ, best))) {
      steadyKnown = false;
      if (recording) {
        recording = false;
        if (recMax <= width) {
          const stretch = { ends: ENDS_STEADY, refLen: i - recI, rows: i - recI, maxColumn: recMax - recD, gain: best - recBest, bestRow: i - recI, bestColumn: bestJ - recD };
          memo!.add(recKey, stretch, rs, recI, rowLo, rowAt, recD, trace, tbLen);
        }
      }
      const d = bestJ;
      const maxRun = Math.min(rAvail - i, width - STEADY_RIGHT - 1 - d);
      let m = 0;
      while (m < maxRun && qs[d + m + 1] === rs[i + m]) m++;
      if (m >= MIN_SKIP) {
        for (let t = 1; t <= m; t++) {
          rowLo[i + t] = d + t - STEADY_LEFT;
          rowAt[i + t] = SKIPPED;
        }
        i += m;
        best += MATCH * m;
        bestI = i;
        bestJ = d + m;
        lo = bestJ - STEADY_LEFT;
        hi = bestJ + STEADY_RIGHT;
        for (let k = -STEADY_LEFT; k <= STEADY_RIGHT; k++) prev[bestJ + k] = steadyValue(best, k);
      }
      // Before the rows a mismatch on the diagonal disturbs: copy them if this contig position has seen them.
      if (useMemo && i < rAvail && bestJ < width && qs[bestJ + 1] !== rs[i]) {
        const key = ExtensionMemo.key(qFrom + qStep * (bestJ - 1), qStep, false);
        const hit = memo.find(key, rs, i, rAvail, bestJ, width);
        if (hit) {
          const d0 = bestJ;
          const i0 = i;
          i = copyStretch(memo, hit, i0, d0);
          best += hit.gain;
          bestI = i0 + hit.bestRow;
          bestJ = d0 + hit.bestColumn;
          if (hit.ends !== ENDS_STEADY) {
            finished = true;
            break;
          }
          lo = bestJ - STEADY_LEFT;
          hi = bestJ + STEADY_RIGHT;
          for (let k = -STEADY_LEFT; k <= STEADY_RIGHT; k++) prev[bestJ + k] = steadyValue(best, k);
          steadyKnown = true;
          continue;
        }
        if (!memo.full) {
          recording = true;
          recKey = key;
          recI = i;
          recD = bestJ;
          recBest = best;
          recMax = 0;
        }
      }
    }
    if (++i > rAvail) break;

    const need = tbLen + (hi - lo) + 2 + MAX_DRIFT;
    if (trace.length < need) trace = grown(trace, need);
    const rowStart = tbLen;
    computeRow(prev, cur, qs, rs[i - 1] * 8, lo, hi, width, best - XDROP, best, rowStart);
    if (rowEnd > recMax) recMax = rowEnd;
    const newLo = rowNewLo;
    const newHi = rowNewHi;
    if (rowBest > best) {
      best = rowBest;
      bestI = i;
      bestJ = rowBestJ;
    }
    if (newLo < 0) break;
    rowLo[i] = newLo;
    rowAt[i] = rowStart;
    tbLen = rowStart + (newHi - newLo) + 1;
    lo = newLo;
    hi = newHi;
    const t = prev;
    prev = cur;
    cur = t;
  }

  // The extension stopped inside the stretch being recorded: at a dead row i, or past the reference's end.
  if (recording && recMax <= width) {
    const dead = i <= rAvail;
    const stretch = {
      ends: dead ? ENDS_DEAD : ENDS_REFERENCE,
      refLen: (dead ? i : rAvail) - recI,
      rows: (dead ? i - 1 : rAvail) - recI,
      maxColumn: recMax - recD,
      gain: best - recBest,
      bestRow: bestI - recI,
      bestColumn: bestJ - recD,
    };
    memo!.add(recKey, stretch, rs, recI, rowLo, rowAt, recD, trace, tbLen);
  }
  return traceBack(qs, rs, best, bestI, bestJ, memo);
}

// What computeRow leaves: the row's live span (rowNewLo -1 when every cell died), the column past its last
// cell read, and its best cell when that beats the best before it.
let rowNewLo = -1;
let rowNewHi = -1;
let rowEnd = 0;
let rowBest = 0;
let rowBestJ = 0;

/**
 * One DP row: cells from the previous row's live span [lo, hi] on, scored against reference code
 * scores / 8, moves written to trace from rowStart. A function of its own, small enough for the optimizing
 * compiler to take up within the first extensions (the whole of extend() took it 30-40 ms, during which
 * the rows ran unoptimized).
 */
function computeRow(prev: Int32Array, cur: Int32Array, qs: Uint8Array, scores: number, lo: number, hi: number, width: number, floor: number, best: number, rowStart: number): void {
  const tr = trace;
  let newLo = -1;
  let newHi = -1;
  let bestJ = -1;
  // DEAD plus any score stays far below every floor, so dead neighbours need no test of their own;
  // column lo has no diagonal predecessor inside the previous row's span.
  let left = DEAD;
  let diag = DEAD;
  let j = lo;
  for (; j <= hi; j++) {
    // The best of the three moves without branches (they mispredicted on every other cell): ties keep the
    // diagonal, then the gap in the query, as the strict comparisons did. Differences stay well inside
    // 32 bits: DEAD is -2^30 and live scores are small.
    const a = diag + SCORES[scores + qs[j]];
    const u = prev[j];
    diag = u;
    const d1 = a - (u - GAP);
    const s1 = d1 >> 31;
    const m1 = a - (d1 & s1);
    const d2 = m1 - (left - GAP);
    const s2 = d2 >> 31;
    let score = m1 - (d2 & s2);
    const move = (s2 & 2) | (~s2 & s1 & 1);
    if (score < floor) {
      score = DEAD;
    } else {
      if (newLo < 0) newLo = j;
      newHi = j;
      if (score > best) {
        best = score;
        bestJ = j;
      }
    }
    if (newLo >= 0) {
      cur[j] = score;
      tr[rowStart + (j - newLo)] = move;
    }
    left = score;
  }
  // Past the previous row's span (never read, so never reset) only the diagonal from its last cell,
  // then gaps along the row, can live; the row ends at the first dead cell there.
  if (j <= width) {
    let score = diag + SCORES[scores + qs[j]];
    let move = 0;
    if (left - GAP > score) {
      score = left - GAP;
      move = 2;
    }
    while (score >= floor) {
      if (newLo < 0) newLo = j;
      newHi = j;
      if (score > best) {
        best = score;
        bestJ = j;
      }
      cur[j] = score;
      tr[rowStart + (j - newLo)] = move;
      if (++j > width) break;
      score -= GAP;
      move = 2;
    }
  }
  rowNewLo = newLo;
  rowNewHi = newHi;
  rowEnd = j;
  rowBest = best;
  rowBestJ = bestJ;
}

/** Points rows row + 1 .. of this extension at a stored stretch's moves; returns the stretch's last row. */
function copyStretch(memo: ExtensionMemo, s: Stretch, row: number, column: number): number {
  for (let k = 0; k < s.rows; k++) {
    rowLo[row + 1 + k] = column + memo.rowLo[s.rowsAt + k];
    rowAt[row + 1 + k] = -FROM_MEMO - memo.rowAt[s.rowsAt + k];
  }
  return row + s.rows;
}

/**
 * Identities, aligned length and gap columns of the path back from the best cell. A function of its own:
 * inside extend() the optimizing compiler met this loop before it had ever run, and bailed out on it at
 * the end of every extension.
 */
function traceBack(qs: Uint8Array, rs: Uint8Array, score: number, bestI: number, bestJ: number, memo: ExtensionMemo | null): Extension {
  let nident = 0;
  let alnLen = 0;
  let gaps = 0;
  let ti = bestI;
  let tj = bestJ;
  while (ti > 0 || tj > 0) {
    let move: number;
    if (ti === 0) move = 2;
    else {
      const at = rowAt[ti];
      if (at >= 0) move = trace[at + (tj - rowLo[ti])];
      else if (at === SKIPPED) move = steadyMove(qs, rs, ti, tj, tj - rowLo[ti] - STEADY_LEFT);
      else move = memo!.trace[-FROM_MEMO - at + (tj - rowLo[ti])];
    }
    alnLen++;
    if (move === 0) {
      if (qs[tj] === rs[ti - 1]) nident++;
      ti--;
      tj--;
    } else if (move === 1) {
      gaps++;
      ti--;
    } else {
      gaps++;
      tj--;
    }
  }
  return { score, qLen: bestJ, rLen: bestI, nident, alnLen, gaps };
}

/** The move of a cell k columns off the diagonal in a steady row: diagonal on a match (ties prefer it), else the gap. */
function steadyMove(qs: Uint8Array, rs: Uint8Array, i: number, j: number, k: number): number {
  if (k === 0 || qs[j] === rs[i - 1]) return 0;
  return k > 0 ? 2 : 1;
}
