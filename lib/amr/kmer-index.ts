// Sampled 16-mer index of the reference genes. Sampling every STRIDE-th reference position still finds
// every exact match of MIN_SEED bases (any window of STRIDE consecutive positions holds one sample), which
// is exactly the sensitivity of BLAST megablast's 28-base word, with a table that fits in cache.
import { AMBIGUOUS } from "./nucleotides";

export const K = 16;
export const MIN_SEED = 28;
export const STRIDE = MIN_SEED - K + 1;

export interface KmerIndex {
  /**
   * One bit per FILTER_BITS-bit hash (a second hash function): a 256 KB array that stays in a core's L2
   * cache, where more than nine genome k-mers in ten are rejected before `presence` (in L3) is read.
   */
  filter: Uint32Array;
  /** One bit per 24-bit hash: most of the rest are rejected here with one read of a 2 MB array. */
  presence: Uint32Array;
  slotKeys: Int32Array;
  /** Start of each slot's run in occRef/occPos; -1 for an empty slot; runs end at the next used start. */
  slotStart: Int32Array;
  slotEnd: Int32Array;
  shift: number;
  occRef: Int32Array;
  /** The k-mer's position on the reference; ~position (negative) when the key is its reverse complement. */
  occPos: Int32Array;
}

export const HASH_MULTIPLIER = 0x9e3779b1;
export const PRESENCE_SHIFT = 8;
export const FILTER_MULTIPLIER = 0x85ebca6b;
export const FILTER_BITS = 21;

export function hashSlot(kmer: number, shift: number): number {
  return Math.imul(kmer, HASH_MULTIPLIER) >>> shift;
}

/**
 * Every sampled, unambiguous k-mer of every reference, keyed by its 2-bit packed value and again by its
 * reverse complement, so a genome is scanned on both strands with one lookup per position. Under each
 * key the forward occurrences come first, then the reverse ones, each in reference order: the order in
 * which two lookups (the k-mer, then its reverse complement) used to visit them.
 */
export function buildKmerIndex(refs: readonly Uint8Array[]): KmerIndex {
  let capacity = 0;
  for (const seq of refs) capacity += 2 * Math.ceil(seq.length / STRIDE);
  const kmers = new Int32Array(capacity);
  const refOf = new Int32Array(capacity);
  const posOf = new Int32Array(capacity);
  let n = 0;
  for (const minus of [false, true]) {
    for (let r = 0; r < refs.length; r++) {
      const seq = refs[r];
      for (let p = 0; p + K <= seq.length; p += STRIDE) {
        const kmer = packKmer(seq, p);
        if (kmer === null) continue;
        kmers[n] = minus ? reverseComplementKmer(kmer) : kmer;
        refOf[n] = r;
        posOf[n] = minus ? ~p : p;
        n++;
      }
    }
  }
  let bits = 10;
  while (1 << bits < n * 2) bits++;
  const size = 1 << bits;
  const shift = 32 - bits;
  const presence = new Uint32Array(1 << (32 - PRESENCE_SHIFT - 5));
  const filter = new Uint32Array(1 << (FILTER_BITS - 5));
  const slotKeys = new Int32Array(size);
  const counts = new Int32Array(size);
  const used = new Uint8Array(size);
  const slotOfEntry = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = kmers[i];
    const h = Math.imul(key, HASH_MULTIPLIER) >>> PRESENCE_SHIFT;
    presence[h >>> 5] |= 1 << (h & 31);
    const f = Math.imul(key, FILTER_MULTIPLIER) >>> (32 - FILTER_BITS);
    filter[f >>> 5] |= 1 << (f & 31);
    let s = hashSlot(key, shift);
    while (used[s] && slotKeys[s] !== key) s = (s + 1) & (size - 1);
    used[s] = 1;
    slotKeys[s] = key;
    counts[s]++;
    slotOfEntry[i] = s;
  }
  const slotStart = new Int32Array(size).fill(-1);
  const slotEnd = new Int32Array(size);
  let total = 0;
  for (let s = 0; s < size; s++) {
    if (!used[s]) continue;
    slotStart[s] = total;
    total += counts[s];
    slotEnd[s] = slotStart[s];
  }
  const occRef = new Int32Array(total);
  const occPos = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    const s = slotOfEntry[i];
    const at = slotEnd[s]++;
    occRef[at] = refOf[i];
    occPos[at] = posOf[i];
  }
  return { filter, presence, slotKeys, slotStart, slotEnd, shift, occRef, occPos };
}

/** Slot holding `kmer`, or -1. */
export function findSlot(index: KmerIndex, kmer: number): number {
  const mask = index.slotKeys.length - 1;
  kmer |= 0;
  let s = hashSlot(kmer, index.shift);
  while (index.slotStart[s] >= 0) {
    if (index.slotKeys[s] === kmer) return s;
    s = (s + 1) & mask;
  }
  return -1;
}

/** The reverse complement of a packed k-mer, packed the same way. */
export function reverseComplementKmer(kmer: number): number {
  let rc = 0;
  for (let i = 0; i < K; i++) {
    rc = (rc << 2) | (3 - (kmer & 3));
    kmer >>>= 2;
  }
  return rc | 0;
}

/** The k-mer at p packed 2 bits a base into a signed 32-bit int, or null when it holds an ambiguous base. */
export function packKmer(seq: ArrayLike<number>, p: number): number | null {
  let kmer = 0;
  for (let i = 0; i < K; i++) {
    const c = seq[p + i];
    if (c === AMBIGUOUS) return null;
    kmer = (kmer << 2) | c;
  }
  return kmer;
}
