import { describe, expect, it } from "vitest";
import { resolveClass, type BlastHit } from "../../../lib/amr/resfinder-rules";

let nextRef = 0;
/** An HSP of `refId` on `contig` covering query [start, end]; identity and coverage from the counts. */
function hit(refId: string, start: number, end: number, o: Partial<BlastHit> & { identity?: number; refLength?: number } = {}): BlastHit {
  const alnLen = o.alnLen ?? end - start + 1;
  const refLength = o.refLength ?? alnLen;
  return {
    ref: nextRef++,
    refId,
    contig: o.contig ?? "c1",
    queryStart: start,
    queryEnd: end,
    sbjctStart: o.sbjctStart ?? 1,
    sbjctEnd: o.sbjctEnd ?? Math.min(refLength, alnLen),
    sbjctLength: refLength,
    alnLen,
    nident: o.nident ?? Math.round(((o.identity ?? 100) / 100) * alnLen),
    gaps: o.gaps ?? 0,
    score: o.score ?? alnLen,
    minus: false,
  };
}

const ids = (hits: { refId: string }[]) => hits.map((h) => h.refId).sort();

describe("ResFinder's competition between overlapping hits of one class", () => {
  it("at identical coordinates, the higher identity wins", () => {
    const kept = resolveClass([[hit("a", 1, 1000, { nident: 990 }), hit("b", 1, 1000, { nident: 1000 })]], 60);
    expect(ids(kept)).toEqual(["b"]);
  });

  it("at identical coordinates, equal identity keeps both (tied alleles)", () => {
    const kept = resolveClass([[hit("a", 1, 1000, { nident: 990 }), hit("b", 1, 1000, { nident: 990 })]], 60);
    expect(ids(kept)).toEqual(["a", "b"]);
  });

  it("hits overlapping by 30 bases or more compete on identity x coverage", () => {
    // b is 100 % identical over 900 of its 1000 bases (score 90); a is 95 % over all of its 1000 (score 95).
    const a = hit("a", 101, 1100, { nident: 950 });
    const b = hit("b", 1, 900, { refLength: 1000 });
    expect(ids(resolveClass([[a, b]], 60))).toEqual(["a"]);
    expect(ids(resolveClass([[b, a]], 60))).toEqual(["a"]);
  });

  it("hits overlapping by fewer than 30 bases (Blaster's count, one less than the shared bases) do not compete", () => {
    const a = hit("a", 1, 1000);
    const b = hit("b", 971, 1970, { nident: 900 }); // 30 shared bases, counted as 29
    expect(ids(resolveClass([[a, b]], 60))).toEqual(["a", "b"]);
    const c = hit("c", 970, 1969, { nident: 900 });
    expect(ids(resolveClass([[a, c]], 60))).toEqual(["a"]);
  });

  it("hits on different contigs never compete", () => {
    const kept = resolveClass([[hit("a", 1, 1000)], [hit("b", 1, 1000, { contig: "c2", nident: 900 })]], 60);
    expect(ids(kept)).toEqual(["a", "b"]);
  });

  it("on an equal score with the same integer coverage, the longer alignment wins", () => {
    // 90 % identity over the whole of each reference: the same score, the same int(coverage).
    const a = hit("a", 1, 100, { nident: 90 });
    const b = hit("b", 1, 200, { nident: 180 });
    expect(ids(resolveClass([[a, b]], 60))).toEqual(["b"]);
    expect(ids(resolveClass([[b, a]], 60))).toEqual(["b"]);
  });

  it("on an equal score with different integer coverage, keeps both", () => {
    // 90 % x 100 % = 100 % x 90 %: a tie Blaster leaves unresolved.
    const a = hit("a", 1, 100, { nident: 90 });
    const b = hit("b", 11, 100, { refLength: 100 });
    expect(ids(resolveClass([[a, b]], 60))).toEqual(["a", "b"]);
  });

  it("drops HSPs covering 20 % of the reference or less before they can compete", () => {
    const small = hit("small", 1, 200, { refLength: 1000 });
    const big = hit("big", 150, 1149, { nident: 900 });
    expect(ids(resolveClass([[small, big]], 0))).toEqual(["big"]);
  });

  it("applies the minimum coverage after the competition", () => {
    const partial = hit("partial", 1, 590, { refLength: 1000 });
    expect(resolveClass([[partial]], 60)).toEqual([]);
    expect(ids(resolveClass([[partial]], 59))).toEqual(["partial"]);
  });

  it("combines pieces of one reference on one contig when judging coverage", () => {
    const head = hit("g", 1, 400, { refLength: 1000, sbjctStart: 1, sbjctEnd: 400 });
    const tail = hit("g", 5001, 5350, { refLength: 1000, sbjctStart: 651, sbjctEnd: 1000 });
    const kept = resolveClass([[head, tail]], 60);
    expect(kept.map((h) => h.queryStart).sort((x, y) => x - y)).toEqual([1, 5001]);
    // Each piece keeps its own coverage in the report, as in ResFinder's JSON.
    expect(kept.map((h) => Math.round(h.percCoverage)).sort()).toEqual([35, 40]);
  });

  it("never combines pieces on different contigs", () => {
    const head = hit("g", 1, 400, { refLength: 1000, sbjctStart: 1, sbjctEnd: 400 });
    const tail = hit("g", 1, 350, { contig: "c2", refLength: 1000, sbjctStart: 651, sbjctEnd: 1000 });
    expect(resolveClass([[head], [tail]], 60)).toEqual([]);
  });

  it("reports ResFinder's identity and coverage definitions", () => {
    const [h] = resolveClass([[hit("formA", 10, 1120, { alnLen: 1111, nident: 898, gaps: 2, refLength: 1110, sbjctEnd: 1110 })]], 60);
    expect(h.percIdent.toFixed(2)).toBe("80.83");
    expect(h.percCoverage).toBeCloseTo(99.90991, 4);
  });
});
