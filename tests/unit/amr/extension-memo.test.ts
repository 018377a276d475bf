import { describe, expect, it } from "vitest";
import { ExtensionMemo } from "../../../lib/amr/extension-memo";
import { encode } from "../../../lib/amr/nucleotides";
import { extend } from "../../../lib/amr/xdrop-align";
import { mulberry32 } from "../../helpers/genome-generator";
import { mutate, randomBases } from "../../helpers/sequence-edits";
import { referenceExtend } from "../../helpers/xdrop-reference";

const enc = (s: string) => encode(Buffer.from(s));

/** A gene carried with 15 edits between random flanks, extended rightwards once through a new memo. */
function extendedOnce(seed: number) {
  const rnd = mulberry32(seed);
  const gene = randomBases(800, rnd);
  const q = enc(randomBases(300, rnd) + mutate(gene, 15, rnd) + randomBases(300, rnd));
  const memo = new ExtensionMemo();
  const rightwards = (r: Uint8Array) => extend(q, 300, q.length - 300, r, 0, r.length, 1, memo);
  const first = rightwards(enc(gene));
  return { gene, q, memo, rightwards, first };
}

describe("extensions sharing rows through a memo", () => {
  it("give, for every allele of a family over one locus, what they give without it (both directions, 40 loci, one memo reset between them)", () => {
    const rnd = mulberry32(2024);
    let stored = 0;
    let hits = 0;
    // One memo for all loci, as predictAmr keeps one pair for all contigs: a stretch kept from another
    // contig at the same position over the same reference bases would give a wrong extension here.
    const memo = new ExtensionMemo();
    for (let locus = 0; locus < 40; locus++) {
      const gene = randomBases(300 + Math.floor(rnd() * 700), rnd);
      // The contig carries one allele, sometimes near a contig end so the query runs out before the reference.
      const flankLeft = locus % 5 === 0 ? Math.floor(rnd() * 40) : 200 + Math.floor(rnd() * 300);
      const flankRight = locus % 7 === 0 ? Math.floor(rnd() * 40) : 200 + Math.floor(rnd() * 300);
      const carried = mutate(gene, Math.floor(rnd() * 20), rnd);
      const q = enc(randomBases(flankLeft, rnd) + carried + randomBases(flankRight, rnd));
      memo.reset();
      // Alleles: each a few edits from the family's consensus, some truncated (the reference ends early).
      for (let a = 0; a < 25; a++) {
        let allele = mutate(gene, Math.floor(rnd() * 12), rnd);
        if (a % 6 === 5) allele = allele.slice(0, Math.floor(allele.length * (0.5 + rnd() * 0.5)));
        const r = enc(allele);
        // Start where a seed would: at a random point of the allele, on its own diagonal.
        const rs = Math.floor(rnd() * r.length);
        const qs = Math.min(q.length, Math.max(0, flankLeft + rs + Math.floor(rnd() * 3) - 1));
        const right = extend(q, qs, q.length - qs, r, rs, r.length - rs, 1, memo);
        expect(right, `locus ${locus} allele ${a} rightwards`).toEqual(referenceExtend(q, qs, q.length - qs, r, rs, r.length - rs, 1));
        const left = extend(q, qs - 1, qs, r, rs - 1, rs, -1, memo);
        expect(left, `locus ${locus} allele ${a} leftwards`).toEqual(referenceExtend(q, qs - 1, qs, r, rs - 1, rs, -1));
      }
      stored += memo.size;
      hits += memo.hits;
    }
    // Both paths taken many times: stretches computed and stored, and stretches copied.
    expect(stored).toBeGreaterThan(500);
    expect(hits).toBeGreaterThan(500);
  });

  it("forgets every stretch on reset and keeps its buffers", () => {
    const { gene, memo, rightwards, first } = extendedOnce(9);
    const stored = memo.size;
    expect(stored).toBeGreaterThan(1);
    const trace = memo.trace;
    memo.reset();
    expect([memo.size, memo.hits, memo.traceLength, memo.rowCount, memo.refLength]).toEqual([0, 0, 0, 0, 0]);
    expect(memo.trace).toBe(trace);
    // Computed and stored again, not copied.
    expect(rightwards(enc(gene))).toEqual(first);
    expect([memo.size, memo.hits]).toEqual([stored, 0]);
  });

  it("computes an extension it has seen once only: the second time every stretch is copied and nothing stored", () => {
    const { gene, q, memo, rightwards, first } = extendedOnce(5);
    const afterFirst = memo.size;
    expect(afterFirst).toBeGreaterThan(1);
    expect(rightwards(enc(gene))).toEqual(first);
    expect(memo.size).toBe(afterFirst);
    expect(memo.hits).toBe(afterFirst);
    // Another allele differing in one base shares everything but the stretch around that base.
    const other = gene.slice(0, 400) + (gene[400] === "A" ? "C" : "A") + gene.slice(401);
    const second = rightwards(enc(other));
    expect(second).toEqual(referenceExtend(q, 300, q.length - 300, enc(other), 0, other.length, 1));
    expect(memo.size - afterFirst).toBeGreaterThan(0);
    expect(memo.size - afterFirst).toBeLessThan(afterFirst);
  });

  it("stops storing once full, and still gives the plain DP's results, from what it holds and without", () => {
    const rnd = mulberry32(77);
    const gene = randomBases(900, rnd);
    const q = enc(randomBases(200, rnd) + mutate(gene, 25, rnd) + randomBases(200, rnd));
    const memo = new ExtensionMemo(2000);
    let sizes: number[] = [];
    for (let a = 0; a < 30; a++) {
      // Alleles differing in their second half only: the stretches of the first half, stored before the
      // memo filled up, are theirs too.
      const r = enc(gene.slice(0, 450) + mutate(gene.slice(450), Math.floor(rnd() * 10), rnd));
      expect(extend(q, 200, q.length - 200, r, 0, r.length, 1, memo), `allele ${a}`).toEqual(referenceExtend(q, 200, q.length - 200, r, 0, r.length, 1));
      sizes.push(memo.size);
    }
    expect(memo.full).toBe(true);
    // Full after the first few alleles; from then on nothing is added, and stored stretches are still used.
    sizes = sizes.slice(-20);
    expect(new Set(sizes).size).toBe(1);
    expect(memo.hits).toBeGreaterThan(0);
  });
});
