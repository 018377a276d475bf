import { describe, expect, it } from "vitest";
import { isCodingSequence, translate, translateCodon } from "../../../../lib/amr/alleles/genetic-code";
import { codes, syntheticOrf } from "./synthetic-orf";

const aa = (codon: string) => {
  const c = codes(codon);
  return translateCodon(c[0], c[1], c[2]);
};

describe("the genetic code (translation table 11)", () => {
  it("translates codons by the standard code, stops as *", () => {
    expect(["ATG", "TGG", "TTT", "GAT", "GGT", "AAA", "CGA", "AGG", "TAA", "TAG", "TGA", "ATA"].map(aa).join("")).toBe("MWFDGKRR***I");
    expect(aa("ANG")).toBe("X");
  });

  it("reads table 11's alternative start codons as methionine only at the first codon", () => {
    expect(translate(codes("GTGGTGTTGTAA"))).toBe("MVL*");
    expect(translate(codes("TTGATTTAA"))).toBe("MI*");
    expect(translate(codes("ACGATTTAA"))).toBe("TI*");
  });

  it("accepts one open reading frame, and nothing else, as a coding reference", () => {
    expect(isCodingSequence(codes(syntheticOrf()))).toBe(true);
    expect(isCodingSequence(codes("GTGAAATGA"))).toBe(true);
    expect(isCodingSequence(codes("ATGAAATGAAAATGA"))).toBe(false); // an internal stop
    expect(isCodingSequence(codes("ATGAAAAAA"))).toBe(false); // no stop
    expect(isCodingSequence(codes("ACGAAATGA"))).toBe(false); // no start
    expect(isCodingSequence(codes("ATGAAAATGA"))).toBe(false); // not whole codons
  });
});
