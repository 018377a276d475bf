import { describe, expect, it } from "vitest";
import { annotateSplit } from "../../../../lib/amr/alleles/split-allele";
import { codes, inContig, syntheticOrf, withCodon } from "./synthetic-orf";

const ORF = syntheticOrf();
const REF = codes(ORF);

/** The gene cut at `cut` (head on "a", plus strand; tail on "b", minus strand), the tail repeating `overlap` bases. */
function split(gene: string, cut: number, overlap = 0) {
  const head = inContig(gene.slice(0, cut), "+", 3);
  const tail = inContig(gene.slice(cut - overlap), "-", 5);
  const contigs = new Map([["a", head.contig], ["b", tail.contig]]);
  const pieces = [
    { contig: "a", start: head.start, end: head.end, strand: head.strand },
    { contig: "b", start: tail.start, end: tail.end, strand: tail.strand },
  ];
  return annotateSplit(pieces, REF, (id) => contigs.get(id));
}

describe("allele calls of a gene split across two contigs", () => {
  it("spans the whole reference over both pieces, partial since the join is unseen", () => {
    expect(split(ORF, 301)).toEqual({
      status: "partial", referenceStart: 1, referenceEnd: 600, nucleotideChanges: [], aminoAcidChanges: [],
      frameshift: false, prematureStop: false, proteinLength: null, referenceProteinLength: 199,
    });
  });

  it("reports the changes of every piece, once where the pieces overlap", () => {
    // Codon 105 lies in the 30 bases both pieces hold; codon 150 only in the second.
    const gene = withCodon(withCodon(withCodon(ORF, 40, "GGT"), 105, "TTT"), 150, "TGA");
    const call = split(gene, 340, 30)!;
    expect(call).toMatchObject({
      status: "truncated", referenceStart: 1, referenceEnd: 600, prematureStop: true, proteinLength: null,
      aminoAcidChanges: ["D40G", expect.stringMatching(/^\w105F$/), expect.stringMatching(/^\w150\*$/)],
    });
    expect(call.nucleotideChanges.filter((c) => /^c\.31[345]/.test(c))).toEqual(["c.313G>T"]);
  });

  it("keeps the protein's length when the first piece already stops it", () => {
    expect(split(withCodon(ORF, 50, "TAG"), 301)).toMatchObject({ status: "truncated", aminoAcidChanges: ["Q50*"], proteinLength: 49 });
  });

  it("gives no allele when a piece's contig is missing", () => {
    expect(annotateSplit([{ contig: "x", start: 1, end: 10, strand: "+" }], REF, () => undefined)).toBeNull();
  });
});
