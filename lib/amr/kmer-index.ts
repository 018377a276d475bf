// Sampled 16-mer index of the reference genes. Sampling every STRIDE-th reference position still finds
// every exact match of MIN_SEED bases (any window of STRIDE consecutive positions holds one sample), which
// is exactly the sensitivity of BLAST megablast's 28-base word, with a table that fits in cache.
import { AMBIGUOUS } from "./nucleotides";

export const K = 16;
export const MIN_SEED = 28;
export const STRIDE = MIN_SEED - K + 1;
const KMER_MASK = 0xffffffff;

export interface KmerIndex {
  slotKeys: Uint32Array;
  /** Start of each slot's run in occRef/occPos; -1 for an empty slot; runs end at the next used start. */
  slotStart: Int32Array;
  slotEnd: Int32Array;
  shift: number;
  occRef: Int32Array;
  occPos: Int32Array;
}

export function hashSlot(kmer: number, shift: number): number {
  return Math.imul(kmer, 0x9e3779b1) >>> shift;
}

/** Every sampled, unambiguous k-mer of every reference, keyed by its 2-bit packed value. */
export function buildKmerIndex(refs: readonly Uint8Array[]): KmerIndex {
  const kmers: number[] = [];
  const refOf: number[] = [];
  const posOf: number[] = [];
  for (let r = 0; r < refs.length; r++) {
    const seq = refs[r];
    for (let p = 0; p + K <= seq.length; p += STRIDE) {
      const kmer = packKmer(seq, p);
      if (kmer < 0) continue;
      kmers.push(kmer);
      refOf.push(r);
      posOf.push(p);
    }
  }
  let bits = 10;
  while (1 << bits < kmers.length * 2) bits++;
  const size = 1 << bits;
  const shift = 32 - bits;
  const slotKeys = new Uint32Array(size);
  const counts = new Int32Array(size);
  const used = new Uint8Array(size);
  const slotOfEntry = new Int32Array(kmers.length);
  for (let i = 0; i < kmers.length; i++) {
    const key = kmers[i];
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
  for (let i = 0; i < kmers.length; i++) {
    const s = slotOfEntry[i];
    const at = slotEnd[s]++;
    occRef[at] = refOf[i];
    occPos[at] = posOf[i];
  }
  return { slotKeys, slotStart, slotEnd, shift, occRef, occPos };
}

/** Slot holding `kmer`, or -1. */
export function findSlot(index: KmerIndex, kmer: number): number {
  const mask = index.slotKeys.length - 1;
  let s = hashSlot(kmer, index.shift);
  while (index.slotStart[s] >= 0) {
    if (index.slotKeys[s] === kmer) return s;
    s = (s + 1) & mask;
  }
  return -1;
}

function packKmer(seq: Uint8Array, p: number): number {
  let kmer = 0;
  for (let i = 0; i < K; i++) {
    const c = seq[p + i];
    if (c === AMBIGUOUS) return -1;
    kmer = ((kmer << 2) | c) & KMER_MASK;
  }
  return kmer >>> 0;
}
