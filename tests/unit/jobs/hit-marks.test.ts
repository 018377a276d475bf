import { describe, expect, it } from "vitest";
import { hitMarks, marksByContig } from "@/components/jobs/hit-marks";
import type { GeneHit } from "@/lib/amr/types";

const hit = (refId: string, over: Partial<GeneHit> = {}): GeneHit => ({
  refId, gene: refId.split("_")[0], accession: "X", class: "Beta-lactam", contig: "c1",
  start: 401, end: 1246, strand: "+", identity: 99.9, coverage: 100, alignmentLength: 846, referenceLength: 846, antibiotics: [], ...over,
});

describe("hit map marks", () => {
  it("draws an unsplit call once, at its own place", () => {
    const marks = hitMarks([hit("blaTEM-1B_1_AY458016")]);
    expect(marks).toEqual([expect.objectContaining({ contig: "c1", start: 401, end: 1246, strand: "+", piece: 1, pieces: 1 })]);
  });

  it("draws each piece of a split gene on its own contig, so the second half is not lost", () => {
    const split = hit("aph(3')-VIIa_1_M29953", {
      contig: "contig_1", start: 998009, end: 998395, strand: "+", split: true,
      pieces: [
        { contig: "contig_1", start: 998009, end: 998395, strand: "+" },
        { contig: "contig_2", start: 1, end: 410, strand: "-" },
      ],
    });
    const marks = hitMarks([hit("sul1_5_EU780013", { contig: "contig_2", start: 5000, end: 5840 }), split]);
    expect(marks.map((m) => [m.gene.refId, m.contig, m.start, m.end, m.strand, m.piece, m.pieces])).toEqual([
      ["sul1_5_EU780013", "contig_2", 5000, 5840, "+", 1, 1],
      ["aph(3')-VIIa_1_M29953", "contig_1", 998009, 998395, "+", 1, 2],
      ["aph(3')-VIIa_1_M29953", "contig_2", 1, 410, "-", 2, 2],
    ]);
    const byContig = marksByContig(marks);
    expect([...byContig.keys()]).toEqual(["contig_2", "contig_1"]);
    expect(byContig.get("contig_2")!.map((m) => m.gene.refId)).toEqual(["sul1_5_EU780013", "aph(3')-VIIa_1_M29953"]);
  });
});
