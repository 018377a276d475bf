// The k-mer lookups of a search, apart from what is done with their hits: a pure function of the encoded
// contig and the index, tested on its own (ContigSearch seeds and extends the hits).
import { FILTER_BITS, FILTER_MULTIPLIER, HASH_MULTIPLIER, K, PRESENCE_SHIFT, type KmerIndex } from "./kmer-index";
import { grown } from "./grown";
import { AMBIGUOUS } from "./nucleotides";

const EMPTY: Int32Array = new Int32Array(0);

/**
 * Hits of the k-mers starting in [from, to) of `seq` (codes): pairs (index entry, k-mer start), in
 * increasing start, and under one start in the index's entry order.
 */
export function scanKmers(seq: Uint8Array, from: number, to: number, index: KmerIndex): Int32Array {
  const len = seq.length;
  const { filter, presence, slotKeys, slotStart, slotEnd, shift } = index;
  const mask = slotKeys.length - 1;
  const last = Math.min(to + K - 1, len);
  let out: Int32Array = EMPTY;
  let n = 0;
  // Signed 32-bit packing throughout: the index stores keys the same way, each under itself and under
  // its reverse complement, so one lookup finds the hits on both strands.
  let kmer = 0;
  let valid = 0;
  for (let i = from; i < last; i++) {
    const c = seq[i];
    if (c === AMBIGUOUS) {
      valid = 0;
      continue;
    }
    kmer = (kmer << 2) | c;
    if (++valid < K) continue;
    const f = Math.imul(kmer, FILTER_MULTIPLIER) >>> (32 - FILTER_BITS);
    if (((filter[f >>> 5] >>> (f & 31)) & 1) === 0) continue;
    const hash = Math.imul(kmer, HASH_MULTIPLIER);
    const h = hash >>> PRESENCE_SHIFT;
    if (((presence[h >>> 5] >>> (h & 31)) & 1) === 0) continue;
    const p = i - K + 1;
    let s = hash >>> shift;
    while (slotStart[s] >= 0 && slotKeys[s] !== kmer) s = (s + 1) & mask;
    for (let o = slotStart[s]; o >= 0 && o < slotEnd[s]; o++) {
      if (n + 2 > out.length) out = grown(out, Math.max(1024, n + 2));
      out[n++] = o;
      out[n++] = p;
    }
  }
  return n === out.length ? out : out.slice(0, n);
}
