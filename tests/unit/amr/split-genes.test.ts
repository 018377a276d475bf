import { describe, expect, it } from "vitest";
import type { BlastHit } from "../../../lib/amr/resfinder-rules";
import { joinSplitGenes } from "../../../lib/amr/split-genes";

const LENGTHS = new Map([["a", 5000], ["b", 3000], ["c", 4000]]);

function hit(over: Partial<BlastHit> & Pick<BlastHit, "contig" | "queryStart" | "queryEnd" | "sbjctStart" | "sbjctEnd">): BlastHit {
  const alnLen = over.sbjctEnd - over.sbjctStart + 1;
  return { ref: 0, refId: "geneA_1_X1", sbjctLength: 1000, alnLen, nident: alnLen, gaps: 0, score: 2 * alnLen, minus: false, ...over };
}

const join = (hits: BlastHit[], classOf = () => 0) =>
  joinSplitGenes(
    [...LENGTHS.keys()].map((c) => hits.filter((h) => h.contig === c)),
    LENGTHS,
    classOf,
    80,
    60,
  );

describe("genes split across two contigs", () => {
  it("joins a piece leaving one contig's end with the piece entering another's start; coverage over both", () => {
    const head = hit({ contig: "a", queryStart: 4601, queryEnd: 5000, sbjctStart: 1, sbjctEnd: 400, nident: 390 });
    const tail = hit({ contig: "b", queryStart: 1, queryEnd: 600, sbjctStart: 401, sbjctEnd: 1000 });
    const [call, ...rest] = join([tail, head]);
    expect(rest).toEqual([]);
    expect(call.pieces).toEqual([head, tail]);
    expect(call.percCoverage).toBe(100);
    expect(call.percIdent).toBeCloseTo((990 / 1000) * 100, 10);
  });

  it("joins minus-strand pieces: the gene leaves through a contig's start and enters through another's end", () => {
    const head = hit({ contig: "a", queryStart: 1, queryEnd: 300, sbjctStart: 1, sbjctEnd: 300, minus: true });
    const tail = hit({ contig: "c", queryStart: 3301, queryEnd: 4000, sbjctStart: 301, sbjctEnd: 1000, minus: true });
    expect(join([head, tail]).map((c) => c.pieces)).toEqual([[head, tail]]);
  });

  it("tolerates a few bases lost at the contig ends, counting only the bases aligned", () => {
    const head = hit({ contig: "a", queryStart: 4611, queryEnd: 4990, sbjctStart: 1, sbjctEnd: 380 });
    const tail = hit({ contig: "b", queryStart: 6, queryEnd: 600, sbjctStart: 396, sbjctEnd: 990 });
    expect(join([head, tail])[0].percCoverage).toBeCloseTo(97.5, 10);
  });

  it("does not join pieces away from contig ends, on one contig, of other references, or too far apart in the reference", () => {
    const head = hit({ contig: "a", queryStart: 4601, queryEnd: 5000, sbjctStart: 1, sbjctEnd: 400 });
    expect(join([head, hit({ contig: "b", queryStart: 101, queryEnd: 700, sbjctStart: 401, sbjctEnd: 1000 })])).toEqual([]);
    expect(join([hit({ contig: "a", queryStart: 3001, queryEnd: 3400, sbjctStart: 1, sbjctEnd: 400 }), hit({ contig: "b", queryStart: 1, queryEnd: 600, sbjctStart: 401, sbjctEnd: 1000 })])).toEqual([]);
    expect(join([head, hit({ contig: "a", queryStart: 1, queryEnd: 600, sbjctStart: 401, sbjctEnd: 1000 })])).toEqual([]);
    expect(join([head, hit({ ref: 1, refId: "geneB_1_X2", contig: "b", queryStart: 1, queryEnd: 600, sbjctStart: 401, sbjctEnd: 1000 })])).toEqual([]);
    expect(join([head, hit({ contig: "b", queryStart: 1, queryEnd: 500, sbjctStart: 501, sbjctEnd: 1000 })])).toEqual([]);
  });

  it("keeps the thresholds: both pieces must reach the identity, the whole the coverage", () => {
    const head = hit({ contig: "a", queryStart: 4801, queryEnd: 5000, sbjctStart: 1, sbjctEnd: 200 });
    const tail = hit({ contig: "b", queryStart: 1, queryEnd: 300, sbjctStart: 201, sbjctEnd: 500 });
    expect(join([head, tail])).toEqual([]);
    const weakHead = hit({ contig: "a", queryStart: 4601, queryEnd: 5000, sbjctStart: 1, sbjctEnd: 400, nident: 300 });
    expect(join([weakHead, hit({ contig: "b", queryStart: 1, queryEnd: 600, sbjctStart: 401, sbjctEnd: 1000 })])).toEqual([]);
  });

  it("lets a better joined call of the class win its locus and keeps exact ties", () => {
    const pieces = (ref: number, refId: string, nident: number) => [
      hit({ ref, refId, contig: "a", queryStart: 4601, queryEnd: 5000, sbjctStart: 1, sbjctEnd: 400, nident }),
      hit({ ref, refId, contig: "b", queryStart: 1, queryEnd: 600, sbjctStart: 401, sbjctEnd: 1000 }),
    ];
    const best = join([...pieces(0, "blaX-1_1_A", 400), ...pieces(1, "blaX-2_1_B", 390)]);
    expect(best.map((c) => c.pieces[0].refId)).toEqual(["blaX-1_1_A"]);
    const tied = join([...pieces(0, "blaX-1_1_A", 400), ...pieces(1, "blaX-2_1_B", 400)]);
    expect(tied.map((c) => c.pieces[0].refId).sort()).toEqual(["blaX-1_1_A", "blaX-2_1_B"]);
    // Classes do not compete, as in ResFinder.
    const twoClasses = join([...pieces(0, "blaX-1_1_A", 400), ...pieces(1, "blaX-2_1_B", 390)], ((ref: number) => ref) as () => number);
    expect(twoClasses).toHaveLength(2);
  });
});
