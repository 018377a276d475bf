// Stretches of X-drop rows remembered per contig strand, so the hundreds of alleles of one family
// extended over the same locus compute each stretch of rows once. A stretch starts where the extension's
// state is fully known up to an offset (its origin, or a steady row: the best cell on diagonal d and
// nothing but gaps around it, see xdrop-align.ts) and ends at the next steady row or where the extension
// stops. From such a state the rows that follow depend only on the query bases from column d on and the
// reference bases from the row on, so a later extension reaching the same contig position in the same state
// over the same reference bases goes through the same rows, scores shifted by a constant: its moves, its
// gain and where it ends are copied instead of computed. Key: the contig position of the starting diagonal
// and the walking direction; the reference bases, and that the contig reaches every column the stretch read,
// are checked on use.
import { grown } from "./grown";

/** How a stretch ends: at a steady row, at a row where every cell fell below the X-drop floor, or at the reference's end. */
export const ENDS_STEADY = 0;
export const ENDS_DEAD = 1;
export const ENDS_REFERENCE = 2;

export interface Stretch {
  ends: number;
  /** The reference codes read, from the starting row on (memo.ref[refAt, refAt + refLen)). */
  refAt: number;
  refLen: number;
  /** Rows after the starting one with a stored trace (memo.rowLo/rowAt[rowsAt, rowsAt + rows)). */
  rowsAt: number;
  rows: number;
  /** Largest column read, relative to the starting diagonal. */
  maxColumn: number;
  /** Best score gained, and where the best cell lies, relative to the starting row and diagonal. */
  gain: number;
  bestRow: number;
  bestColumn: number;
}

/** Past this much stored trace, a memo stops storing (it still answers from what it holds). */
const MAX_TRACE = 32 << 20;

export class ExtensionMemo {
  private readonly byKey = new Map<number, Stretch[]>();

  /** `maxTrace`: bytes of moves past which nothing more is stored. */
  constructor(private readonly maxTrace = MAX_TRACE) {}

  /** Moves of the stored rows, as in the extension's own trace. */
  trace: Uint8Array = new Uint8Array(1 << 16);
  traceLength = 0;
  /** Per stored row: its first live column relative to the starting diagonal, and where its moves start in trace. */
  rowLo: Int32Array = new Int32Array(1024);
  rowAt: Int32Array = new Int32Array(1024);
  rowCount = 0;
  ref: Uint8Array = new Uint8Array(1024);
  refLength = 0;
  /** Stretches found and used (for tests and measurements). */
  hits = 0;

  /** A stretch's key: the contig position of its starting column, the direction, and whether it starts at an origin. */
  static key(position: number, dir: 1 | -1, origin: boolean): number {
    return (position * 2 + (dir > 0 ? 1 : 0)) * 2 + (origin ? 1 : 0);
  }

  /** Forgets every stretch but keeps the buffers grown so far, so the next contig starts with them. */
  reset(): void {
    this.byKey.clear();
    this.traceLength = 0;
    this.rowCount = 0;
    this.refLength = 0;
    this.hits = 0;
  }

  /** Stretches stored so far. */
  get size(): number {
    let n = 0;
    for (const list of this.byKey.values()) n += list.length;
    return n;
  }

  get full(): boolean {
    return this.traceLength > this.maxTrace;
  }

  /**
   * A stored stretch that an extension at row `row`, diagonal `column`, reading reference codes `rs` (of which
   * `rAvail` rows exist) and query columns up to `width`, would go through; null if none.
   */
  find(key: number, rs: Uint8Array, row: number, rAvail: number, column: number, width: number): Stretch | null {
    const list = this.byKey.get(key);
    if (!list) return null;
    const left = rAvail - row;
    const ref = this.ref;
    for (const s of list) {
      if (s.ends === ENDS_REFERENCE ? left !== s.refLen : left < s.refLen) continue;
      if (column + s.maxColumn > width) continue;
      let k = 0;
      while (k < s.refLen && rs[row + k] === ref[s.refAt + k]) k++;
      if (k === s.refLen) {
        this.hits++;
        return s;
      }
    }
    return null;
  }

  /**
   * Stores a stretch: rows row + 1 .. row + stretch.rows of an extension, their first columns relative to
   * `column`, their moves from `trace` (consecutive, ending at traceEnd).
   */
  add(key: number, stretch: Omit<Stretch, "refAt" | "rowsAt">, rs: Uint8Array, row: number, rowLo: Int32Array, rowAt: Int32Array, column: number, trace: Uint8Array, traceEnd: number): void {
    const traceFrom = stretch.rows > 0 ? rowAt[row + 1] : traceEnd;
    const moves = traceEnd - traceFrom;
    this.trace = grown(this.trace, this.traceLength + moves);
    this.trace.set(trace.subarray(traceFrom, traceEnd), this.traceLength);
    this.rowLo = grown(this.rowLo, this.rowCount + stretch.rows);
    this.rowAt = grown(this.rowAt, this.rowCount + stretch.rows);
    for (let k = 0; k < stretch.rows; k++) {
      this.rowLo[this.rowCount + k] = rowLo[row + 1 + k] - column;
      this.rowAt[this.rowCount + k] = this.traceLength + rowAt[row + 1 + k] - traceFrom;
    }
    this.ref = grown(this.ref, this.refLength + stretch.refLen);
    this.ref.set(rs.subarray(row, row + stretch.refLen), this.refLength);
    // Field by field, not a spread with two more fields: V8 builds those through a slow path.
    const stored: Stretch = {
      ends: stretch.ends,
      refAt: this.refLength,
      refLen: stretch.refLen,
      rowsAt: this.rowCount,
      rows: stretch.rows,
      maxColumn: stretch.maxColumn,
      gain: stretch.gain,
      bestRow: stretch.bestRow,
      bestColumn: stretch.bestColumn,
    };
    this.traceLength += moves;
    this.rowCount += stretch.rows;
    this.refLength += stretch.refLen;
    const list = this.byKey.get(key);
    if (list) list.push(stored);
    else this.byKey.set(key, [stored]);
  }
}
