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
  /**
   * Per word of `presence`, the keys present before it: with the bits below a key in its own word, the
   * key's rank among the present keys. A table by key would be 64 MB, and building it a tenth of a run.
   */
  rank: Int32Array;
  /** Occurrences of the present key of rank i are occ[keyStart[i] .. keyStart[i + 1]). */
  keyStart: Int32Array;
  /** ref << 13 | position. */
  occ: Int32Array;
}

export const occRef = (o: number): number => o >>> POS_BITS;

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The rank of a key among the present keys (see SpacedIndex.rank), or -1 when it is absent. */
export function keyRank(index: SpacedIndex, key: number): number {
  const word = index.presence[key >>> 5];
  if (((word >>> (key & 31)) & 1) === 0) return -1;
  return index.rank[key >>> 5] + popcount32(word & ((1 << (key & 31)) - 1));
}

/** The occurrences of a key, ref << 13 | position each. */
export function occurrencesOf(index: SpacedIndex, key: number): Int32Array {
  const i = keyRank(index, key);
  return i < 0 ? index.occ.subarray(0, 0) : index.occ.subarray(index.keyStart[i], index.keyStart[i + 1]);
}
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
  const keys: number[] = [];
  const keyCounts: number[] = [];
  for (let k = 0; k + 1 < start.length; k++) {
    if (start[k + 1] > start[k]) {
      keys.push(k);
      keyCounts.push(start[k + 1] - start[k]);
    }
  }
  return fromKeyCounts(Int32Array.from(keys), Int32Array.from(keyCounts), occ);
}

/** Distinct keys ascending and their counts: what a cache needs to rebuild the index with one pass. */
export function keyCounts(index: SpacedIndex): { keys: Int32Array; counts: Int32Array } {
  const n = index.keyStart.length - 1;
  const keys = new Int32Array(n);
  const counts = new Int32Array(n);
  let i = 0;
  for (let w = 0; w < index.presence.length; w++) {
    for (let bits = index.presence[w]; bits !== 0; bits &= bits - 1) {
      keys[i] = w * 32 + (31 - Math.clz32(bits & -bits));
      counts[i] = index.keyStart[i + 1] - index.keyStart[i];
      i++;
    }
  }
  return { keys, counts };
}

/** The inverse of keyCounts, with the occurrences in key order. */
export function fromKeyCounts(keys: Int32Array, counts: Int32Array, occ: Int32Array): SpacedIndex {
  const presence = new Uint32Array(1 << (KEY_BITS - 5));
  const rank = new Int32Array(presence.length);
  const keyStart = new Int32Array(keys.length + 1);
  let word = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (i > 0 && key <= keys[i - 1]) throw new Error("spaced-seed index keys are not ascending");
    presence[key >>> 5] |= 1 << (key & 31);
    for (; word <= key >>> 5; word++) rank[word] = i;
    keyStart[i + 1] = keyStart[i] + counts[i];
  }
  for (; word < rank.length; word++) rank[word] = keys.length;
  if (keyStart[keys.length] !== occ.length) throw new Error("spaced-seed index counts do not match its occurrences");
  return { presence, rank, keyStart, occ };
}
