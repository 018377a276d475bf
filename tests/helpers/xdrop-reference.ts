// The engine's first X-drop extension, kept as the plain reference the optimised one (lib/amr/xdrop-align.ts,
// which skips steady rows) must equal cell for cell: every row computed, nothing derived.
import { AMBIGUOUS } from "../../lib/amr/nucleotides";
import { GAP, MATCH, MISMATCH, XDROP, type Extension } from "../../lib/amr/xdrop-align";

const DEAD = -1 << 30;
// Beyond this many more query than reference bases a path has paid far more than XDROP in gaps.
const MAX_DRIFT = 256;

const EMPTY: Extension = { score: 0, qLen: 0, rLen: 0, nident: 0, alnLen: 0, gaps: 0 };

let rowA = new Int32Array(1024);
let rowB = new Int32Array(1024);
let trace = new Uint8Array(1 << 16);
let rowLo = new Int32Array(1024);
let rowHi = new Int32Array(1024);
let rowAt = new Int32Array(1024);

/**
 * Best-scoring extension from (q[qFrom], r[rFrom]) walking `dir` (+1 right, -1 left) over at most
 * qAvail query and rAvail reference bases. Ties prefer the shorter extension, as BLAST's strict `>` does.
 */
export function referenceExtend(q: Uint8Array, qFrom: number, qAvail: number, r: Uint8Array, rFrom: number, rAvail: number, dir: 1 | -1): Extension {
  if (qAvail <= 0 || rAvail <= 0) return EMPTY;
  const width = Math.min(qAvail, rAvail + MAX_DRIFT);
  if (rowA.length < width + 2) {
    rowA = new Int32Array(width * 2 + 2);
    rowB = new Int32Array(width * 2 + 2);
  }
  if (rowLo.length < rAvail + 1) {
    rowLo = new Int32Array(rAvail * 2 + 2);
    rowHi = new Int32Array(rAvail * 2 + 2);
    rowAt = new Int32Array(rAvail * 2 + 2);
  }
  let prev = rowA;
  let cur = rowB;
  let best = 0;
  let bestI = 0;
  let bestJ = 0;
  let tbLen = 0;

  // Row 0: query bases against nothing.
  let lo = 0;
  let hi = 0;
  prev[0] = 0;
  while (hi + 1 <= width && -(hi + 1) * GAP >= -XDROP) {
    hi++;
    prev[hi] = -hi * GAP;
  }
  rowLo[0] = 0;
  rowHi[0] = hi;
  rowAt[0] = 0;
  ensureTrace(hi + 1);
  for (let j = 0; j <= hi; j++) trace[j] = 2;
  tbLen = hi + 1;

  let i = 1;
  for (; i <= rAvail; i++) {
    const rc = r[rFrom + dir * (i - 1)];
    const floor = best - XDROP;
    let newLo = -1;
    let newHi = -1;
    const rowStart = tbLen;
    ensureTrace(tbLen + (hi - lo) + 2 + MAX_DRIFT);
    let left = DEAD;
    let j = lo;
    for (; j <= width; j++) {
      let score = DEAD;
      let move = 0;
      if (j > lo && j - 1 <= hi) {
        const d = prev[j - 1];
        if (d !== DEAD) {
          const qc = q[qFrom + dir * (j - 1)];
          score = d + (qc === rc && qc !== AMBIGUOUS ? MATCH : MISMATCH);
        }
      }
      if (j <= hi) {
        const u = prev[j];
        if (u !== DEAD && u - GAP > score) {
          score = u - GAP;
          move = 1;
        }
      }
      if (left !== DEAD && left - GAP > score) {
        score = left - GAP;
        move = 2;
      }
      if (score < floor) score = DEAD;
      if (score === DEAD && j > hi) break;
      if (score !== DEAD) {
        if (newLo < 0) newLo = j;
        newHi = j;
        if (score > best) {
          best = score;
          bestI = i;
          bestJ = j;
        }
      }
      if (newLo >= 0) {
        cur[j] = score;
        trace[rowStart + (j - newLo)] = move;
      }
      left = score;
    }
    if (newLo < 0) break;
    rowLo[i] = newLo;
    rowHi[i] = newHi;
    rowAt[i] = rowStart;
    tbLen = rowStart + (newHi - newLo) + 1;
    lo = newLo;
    hi = newHi;
    const t = prev;
    prev = cur;
    cur = t;
  }

  // Trace back from the best cell to count identities and gap columns.
  let nident = 0;
  let alnLen = 0;
  let gaps = 0;
  let ti = bestI;
  let tj = bestJ;
  while (ti > 0 || tj > 0) {
    const move = ti === 0 ? 2 : trace[rowAt[ti] + (tj - rowLo[ti])];
    alnLen++;
    if (move === 0) {
      const qc = q[qFrom + dir * (tj - 1)];
      if (qc === r[rFrom + dir * (ti - 1)] && qc !== AMBIGUOUS) nident++;
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
  return { score: best, qLen: bestJ, rLen: bestI, nident, alnLen, gaps };
}

function ensureTrace(size: number): void {
  if (trace.length >= size) return;
  const grown = new Uint8Array(Math.max(size, trace.length * 2));
  grown.set(trace);
  trace = grown;
}
