import { describe, expect, it } from "vitest";
import { K, STRIDE, buildKmerIndex, packKmer } from "../../../lib/amr/kmer-index";
import { scanKmers } from "../../../lib/amr/kmer-scan";
import { encode } from "../../../lib/amr/nucleotides";
import { seededRandom } from "../../../lib/seeded-random";
import { reverseComplement } from "../../helpers/genome-generator";

const rand = seededRandom(41);
const random = (n: number) => Array.from({ length: n }, () => "ACGT"[Math.floor(rand() * 4)]).join("");

describe("k-mer scan", () => {
  // Three references; the contig carries pieces of them on both strands, with an N inside one piece.
  const refs = [random(400), random(300), random(250)];
  const index = buildKmerIndex(refs.map((s) => encode(Buffer.from(s))));
  const withN = refs[2].slice(0, 100) + "N" + refs[2].slice(101);
  const contig = encode(Buffer.from(random(500) + refs[0] + random(300) + reverseComplement(refs[1]) + random(200) + withN + random(400)));

  it("finds every sampled reference k-mer the contig holds, on both strands, in contig order", () => {
    const hits = scanKmers(contig, 0, contig.length, index);
    const starts = [];
    for (let h = 0; h < hits.length; h += 2) starts.push(hits[h + 1]);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Reference 0 forward at 500: each sampled k-mer at 500 + p.
    for (let p = 0; p + K <= 400; p += STRIDE) expect(starts).toContain(500 + p);
    // Reference 1 reverse-complemented at 1200: its sampled k-mer at p lies at 1200 + 300 - p - K.
    for (let p = 0; p + K <= 300; p += STRIDE) expect(starts).toContain(1200 + 300 - p - K);
    // No k-mer holding the N is a hit.
    const nAt = 1700 + 100;
    expect(starts.some((s) => s <= nAt && nAt < s + K && packKmer(contig, s) === null)).toBe(false);
  });

  it("gives the same hits however the contig is cut into ranges", () => {
    const whole = Array.from(scanKmers(contig, 0, contig.length, index));
    for (const step of [1, 7, 100, 999]) {
      const pieces: number[] = [];
      for (let from = 0; from < contig.length; from += step) pieces.push(...scanKmers(contig, from, Math.min(contig.length, from + step), index));
      expect(pieces, `ranges of ${step}`).toEqual(whole);
    }
  });
});
