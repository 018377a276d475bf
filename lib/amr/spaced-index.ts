// Spaced-seed index of every reference position, for the sensitive model. The seed is 11011011011011011
// (weight 12, span 17): the third base of each triplet is not compared, so in-frame synonymous changes,
// the commonest difference between homologous coding genes, never break it. A gene at 80–90 % identity
// whose differences leave no 28-base exact run (megablast's word) still holds many such windows.
import { AMBIGUOUS } from "./nucleotides";

export const SPACED_SPAN = 17;
/** Two compared bases per triplet, six triplets: 12 bases, 24 bits. */
const TRIPLETS = 6;
const KEY_BITS = 4 * TRIPLETS;
const KEY_MASK = (1 << KEY_BITS) - 1;
const POS_BITS = 13;
const POS_MASK = (1 << POS_BITS) - 1;

export interface SpacedIndex {
  /** One bit per key: most genome windows are rejected with one read of a 2 MB array. */
  presence: Uint32Array;
  /** Occurrences of key k are occ[start[k] .. start[k + 1]). */
  start: Int32Array;
  /** ref << 13 | position. */
  occ: Int32Array;
}

export const occRef = (o: number): number => o >>> POS_BITS;
export const occPos = (o: number): number => o & POS_MASK;

/**
 * Calls visit(p, key) for every window start p whose compared bases are all unambiguous. The key of p is
 * built from the dinucleotides at p, p+3, ..., p+15; one rolling key per reading phase.
 */
export function forEachSpacedKey(seq: Uint8Array, visit: (p: number, key: number) => void, from = 0, to = seq.length): void {
  const keys = [0, 0, 0];
  const valid = [0, 0, 0];
  const last = Math.min(seq.length - 1, to + SPACED_SPAN - 2);
  for (let x = Math.max(0, from); x < last; x++) {
    const a = seq[x];
    const b = seq[x + 1];
    const phase = x % 3;
    if (a === AMBIGUOUS || b === AMBIGUOUS) {
      valid[phase] = 0;
      continue;
    }
    keys[phase] = ((keys[phase] << 4) | (a << 2) | b) & KEY_MASK;
    if (++valid[phase] < TRIPLETS) continue;
    const p = x - 3 * (TRIPLETS - 1);
    if (p >= from && p < to) visit(p, keys[phase]);
  }
}

export function buildSpacedIndex(refs: readonly Uint8Array[]): SpacedIndex {
  if (refs.length >= 1 << (31 - POS_BITS)) throw new RangeError("too many references for the spaced-seed index");
  const counts = new Int32Array((1 << KEY_BITS) + 1);
  const presence = new Uint32Array(1 << (KEY_BITS - 5));
  // Two passes (count, then place) over the same keys, kept in one buffer between them.
  const total = refs.reduce((n, seq) => n + seq.length, 0);
  const keyAt = new Int32Array(total).fill(-1);
  let at = 0;
  for (const seq of refs) {
    if (seq.length > POS_MASK) throw new RangeError("a reference is longer than the spaced-seed index allows");
    const base = at;
    forEachSpacedKey(seq, (p, key) => {
      keyAt[base + p] = key;
      counts[key + 1]++;
      presence[key >>> 5] |= 1 << (key & 31);
    });
    at += seq.length;
  }
  for (let k = 1; k < counts.length; k++) counts[k] += counts[k - 1];
  const start = counts;
  const fill = start.slice(0, start.length - 1);
  const occ = new Int32Array(start[start.length - 1]);
  at = 0;
  for (let r = 0; r < refs.length; r++) {
    const len = refs[r].length;
    for (let p = 0; p < len; p++) {
      const key = keyAt[at + p];
      if (key >= 0) occ[fill[key]++] = (r << POS_BITS) | p;
    }
    at += len;
  }
  return { presence, start, occ };
}

/** Distinct keys ascending and their counts: what a cache needs to rebuild the index with one pass. */
export function keyCounts(index: SpacedIndex): { keys: Int32Array; counts: Int32Array } {
  const keys: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k + 1 < index.start.length; k++) {
    const n = index.start[k + 1] - index.start[k];
    if (n > 0) {
      keys.push(k);
      counts.push(n);
    }
  }
  return { keys: Int32Array.from(keys), counts: Int32Array.from(counts) };
}

/** The inverse of keyCounts, with the occurrences in key order. */
export function fromKeyCounts(keys: Int32Array, counts: Int32Array, occ: Int32Array): SpacedIndex {
  const start = new Int32Array((1 << KEY_BITS) + 1);
  const presence = new Uint32Array(1 << (KEY_BITS - 5));
  for (let i = 0; i < keys.length; i++) {
    start[keys[i] + 1] = counts[i];
    presence[keys[i] >>> 5] |= 1 << (keys[i] & 31);
  }
  for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
  if (start[start.length - 1] !== occ.length) throw new Error("spaced-seed index counts do not match its occurrences");
  return { presence, start, occ };
}
