import { describe, expect, it } from "vitest";
import { alignToReference } from "../../../../lib/amr/alleles/alignment";
import { mulberry32 } from "../../../helpers/genome-generator";
import { codes, spliced, syntheticOrf } from "./synthetic-orf";

const ORF = syntheticOrf();

const count = (ops: string[], op: string) => ops.filter((o) => o === op).length;

describe("alignment of a hit against its reference", () => {
  it("aligns a whole sequence end to end, gaps where the bases are missing or extra", () => {
    const a = alignToReference(codes(ORF), codes(spliced(spliced(ORF, 400, 400, "GG"), 100, 103)));
    expect([a.refStart, a.refEnd]).toEqual([0, 600]);
    expect(count(a.ops, "D")).toBe(3);
    expect(count(a.ops, "I")).toBe(2);
    expect(count(a.ops, "M")).toBe(597);
  });

  it("finds where a partial hit sits in the reference, with free reference ends", () => {
    const a = alignToReference(codes(ORF), codes(ORF.slice(211, 433)));
    expect(a).toEqual({ refStart: 211, refEnd: 433, ops: Array(222).fill("M") });
  });

  it("aligns without a band when no seed is shared", () => {
    // Every 5th base changed: no 12-mer survives, so the whole table is used.
    const rand = mulberry32(5);
    const diverged = ORF.split("").map((b, i) => (i % 5 === 2 ? "ACGT"[("ACGT".indexOf(b) + 1 + Math.floor(rand() * 3)) % 4] : b)).join("");
    const a = alignToReference(codes(ORF), codes(diverged));
    expect([a.refStart, a.refEnd, count(a.ops, "M")]).toEqual([0, 600, 600]);
  });
});
