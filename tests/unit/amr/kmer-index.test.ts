import { describe, expect, it } from "vitest";
import { FILTER_BITS, FILTER_MULTIPLIER, HASH_MULTIPLIER, K, PRESENCE_SHIFT, STRIDE, buildKmerIndex, findSlot, packKmer, reverseComplementKmer } from "../../../lib/amr/kmer-index";
import { encode, reverseComplement } from "../../../lib/amr/nucleotides";
import { seededRandom } from "../../../lib/seeded-random";

const rand = seededRandom(5);
const random = (n: number) => Array.from({ length: n }, () => "ACGT"[Math.floor(rand() * 4)]).join("");

/** The (ref, position, reverse?) entries under a key, in stored order. */
function entries(index: ReturnType<typeof buildKmerIndex>, kmer: number): [number, number, boolean][] {
  const slot = findSlot(index, kmer);
  if (slot < 0) return [];
  const out: [number, number, boolean][] = [];
  for (let o = index.slotStart[slot]; o < index.slotEnd[slot]; o++) {
    const pos = index.occPos[o];
    out.push([index.occRef[o], pos >= 0 ? pos : ~pos, pos < 0]);
  }
  return out;
}

describe("k-mer index", () => {
  it("packs the reverse complement of a k-mer as the k-mer of the reverse-complemented sequence", () => {
    const seq = encode(Buffer.from(random(40)));
    const rc = reverseComplement(seq);
    for (let p = 0; p + K <= seq.length; p++) expect(reverseComplementKmer(packKmer(seq, p)!)).toBe(packKmer(rc, seq.length - p - K));
  });

  it("keys every sampled k-mer under itself and under its reverse complement, forward entries first", () => {
    const refs = [random(300), random(200), random(150)].map((s) => encode(Buffer.from(s)));
    // The second reference holds a piece of the first one's reverse complement at 41, where its sampled
    // k-mers are reverse complements of the first one's sampled k-mers (284 - q + 41 is a multiple of 13
    // when q is): such keys hold forward and reverse entries.
    refs[1].set(reverseComplement(refs[0]).subarray(0, 120), 41);
    const index = buildKmerIndex(refs);
    refs.forEach((seq, r) => {
      for (let p = 0; p + K <= seq.length; p += STRIDE) {
        const kmer = packKmer(seq, p)!;
        expect(entries(index, kmer)).toContainEqual([r, p, false]);
        expect(entries(index, reverseComplementKmer(kmer))).toContainEqual([r, p, true]);
      }
    });
    let sharedKeys = 0;
    for (let s = 0; s < index.slotKeys.length; s++) {
      if (index.slotStart[s] < 0) continue;
      const list = entries(index, index.slotKeys[s]);
      const firstReverse = list.findIndex((e) => e[2]);
      // Forward entries, then reverse ones, each in reference order: the order two lookups gave.
      if (firstReverse >= 0) expect(list.slice(firstReverse).every((e) => e[2])).toBe(true);
      const inOrder = (xs: [number, number, boolean][]) => xs.every((e, i) => i === 0 || xs[i - 1][0] < e[0] || (xs[i - 1][0] === e[0] && xs[i - 1][1] < e[1]));
      expect(inOrder(list.filter((e) => !e[2]))).toBe(true);
      expect(inOrder(list.filter((e) => e[2]))).toBe(true);
      if (firstReverse > 0) sharedKeys++;
    }
    expect(sharedKeys).toBeGreaterThan(0);
  });

  it("sets every stored key's bit in both filters, so a scan never drops one before the table", () => {
    const index = buildKmerIndex([random(3000), random(2000)].map((s) => encode(Buffer.from(s))));
    const bit = (bits: Uint32Array, h: number) => (bits[h >>> 5] >>> (h & 31)) & 1;
    let keys = 0;
    for (let s = 0; s < index.slotKeys.length; s++) {
      if (index.slotStart[s] < 0) continue;
      const key = index.slotKeys[s];
      expect(bit(index.filter, Math.imul(key, FILTER_MULTIPLIER) >>> (32 - FILTER_BITS))).toBe(1);
      expect(bit(index.presence, Math.imul(key, HASH_MULTIPLIER) >>> PRESENCE_SHIFT)).toBe(1);
      keys++;
    }
    expect(keys).toBeGreaterThan(700);
    // Nothing else: a filter with every bit set would pass this test and filter nothing.
    const ones = (bits: Uint32Array) => bits.reduce((n, w) => n + w.toString(2).split("1").length - 1, 0);
    expect(ones(index.filter)).toBeLessThanOrEqual(keys);
    expect(ones(index.presence)).toBeLessThanOrEqual(keys);
  });
});
