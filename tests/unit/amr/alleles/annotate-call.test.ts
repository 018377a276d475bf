import { describe, expect, it } from "vitest";
import { annotateCall } from "../../../../lib/amr/alleles/annotate-call";
import { codes, inContig, spliced, syntheticOrf, withCodon } from "./synthetic-orf";

const ORF = syntheticOrf();
const REF = codes(ORF);

/** The call for `gene` placed on `strand` of a contig, as the engine would report it. */
function annotate(gene: string, strand: "+" | "-" = "+") {
  const placed = inContig(gene, strand);
  return annotateCall(placed, REF, placed.contig);
}

describe("allele calls of a coding reference", () => {
  it("names an identical sequence the exact allele, on either strand", () => {
    for (const strand of ["+", "-"] as const) {
      expect(annotate(ORF, strand)).toEqual({
        status: "exact", referenceStart: 1, referenceEnd: 600, nucleotideChanges: [], aminoAcidChanges: [],
        frameshift: false, prematureStop: false, proteinLength: 199, referenceProteinLength: 199,
      });
    }
  });

  it("gives a missense substitution in both notations, the same on the reverse strand", () => {
    const variant = withCodon(ORF, 40, "GGT"); // GAT (D) -> GGT (G)
    for (const strand of ["+", "-"] as const) {
      expect(annotate(variant, strand)).toMatchObject({
        status: "variant", nucleotideChanges: ["c.119A>G"], aminoAcidChanges: ["D40G"], frameshift: false, prematureStop: false, proteinLength: 199,
      });
    }
  });

  it("skips the alignment for substitutions when base-against-base is as good as the call, with the same answer", () => {
    const variant = withCodon(withCodon(ORF, 40, "GGT"), 50, "TAG");
    // The call's identity decides: 99.5 % (what the search found) lets the ungapped reading stand; 100 % forces an alignment.
    const shortcut = inContig(variant, "-", 3, 99.5);
    const aligned = inContig(variant, "-", 3, 100);
    expect(annotateCall(shortcut, REF, shortcut.contig)).toEqual(annotateCall(aligned, REF, aligned.contig));
  });

  it("lists a synonymous substitution among the bases only", () => {
    expect(annotate(withCodon(ORF, 40, "GAC"))).toMatchObject({ status: "variant", nucleotideChanges: ["c.120T>C"], aminoAcidChanges: [] });
  });

  it("flags a premature stop as truncated, with the protein's length", () => {
    for (const strand of ["+", "-"] as const) {
      expect(annotate(withCodon(ORF, 50, "TAG"), strand)).toMatchObject({
        status: "truncated", nucleotideChanges: ["c.148C>T"], aminoAcidChanges: ["Q50*"], prematureStop: true, frameshift: false, proteinLength: 49,
      });
    }
  });

  it("flags a one-base deletion as a frameshift at its codon", () => {
    // GAT of codon 40 loses its A (c.119); the next base, T, differs, so the position is unambiguous.
    for (const strand of ["+", "-"] as const) {
      const call = annotate(spliced(ORF, 118, 119), strand);
      expect(call).toMatchObject({ status: "truncated", nucleotideChanges: ["c.119del"], aminoAcidChanges: ["D40fs"], frameshift: true });
      // The shifted frame either runs into a stop (a shorter protein) or off the end of the hit.
      if (call.prematureStop) expect(call.proteinLength).toBeLessThan(199);
      else expect(call.proteinLength).toBeGreaterThanOrEqual(39);
    }
  });

  it("reads a one-base insertion as a frameshift too", () => {
    const call = annotate(spliced(ORF, 119, 119, "C")); // GA|C|T: after c.119
    expect(call).toMatchObject({ status: "truncated", nucleotideChanges: ["c.119_120insC"], aminoAcidChanges: ["D40fs"], frameshift: true });
  });

  it("names an in-frame codon deletion and insertion without a frameshift", () => {
    expect(annotate(spliced(ORF, 3 * 39, 3 * 40))).toMatchObject({
      status: "variant", nucleotideChanges: ["c.118_120del"], aminoAcidChanges: ["D40del"], frameshift: false, prematureStop: false, proteinLength: 198,
    });
    // TGG inserted after codon 40, in front of codon 41's own TGG: HGVS names the 3'-most copy.
    expect(annotate(spliced(ORF, 3 * 40, 3 * 40, "TGG"))).toMatchObject({
      status: "variant", nucleotideChanges: ["c.123_124insTGG"], aminoAcidChanges: ["W41_H42insW"], frameshift: false, proteinLength: 200,
    });
  });

  it("names two adjacent deleted codons as one deletion", () => {
    expect(annotate(spliced(ORF, 3 * 39, 3 * 41))).toMatchObject({ nucleotideChanges: ["c.118_123del"], aminoAcidChanges: ["D40_W41del"], frameshift: false });
  });

  it("places a deletion in a repeat at its 3'-most position (HGVS)", () => {
    // Codon 60 is AAA: deleting its first A or its last gives the same sequence, hence one name.
    const first = annotate(spliced(ORF, 177, 178));
    const last = annotate(spliced(ORF, 179, 180));
    expect(first.nucleotideChanges).toEqual(last.nucleotideChanges);
    const position = Number(first.nucleotideChanges[0].match(/^c\.(\d+)del$/)![1]);
    expect(position).toBeGreaterThanOrEqual(180);
    expect(ORF[position - 1]).toBe("A");
    expect(ORF[position]).not.toBe("A");
  });

  it("restores the frame after a compensating pair of indels and reads it as an in-frame change", () => {
    // Delete c.119 (A of GAT, codon 40) and insert a C after c.125 (codon 42): the frame is lost for codons 40-42 only.
    const call = annotate(spliced(spliced(ORF, 125, 125, "C"), 118, 119));
    expect(call.frameshift).toBe(false);
    expect(call.prematureStop).toBe(false);
    expect(call.nucleotideChanges).toEqual(["c.119del", expect.stringMatching(/^c\.12\d_12\dinsC$/)]);
    // GAT TGG CAC reads GTT GGC AC|C: three residues replaced, none lost or gained.
    expect(call.aminoAcidChanges).toEqual(["D40_H42delinsVGT"]);
  });

  it("calls a hit covering only part of the reference partial, with the span it covers", () => {
    const call = annotate(ORF.slice(300));
    expect(call).toMatchObject({ status: "partial", referenceStart: 301, referenceEnd: 600, nucleotideChanges: [], aminoAcidChanges: [], proteinLength: null });
    const head = annotate(withCodon(ORF, 40, "GGT").slice(0, 420));
    expect(head).toMatchObject({ status: "partial", referenceStart: 1, referenceEnd: 420, aminoAcidChanges: ["D40G"], prematureStop: false });
  });

  it("still reports a premature stop inside a partial hit", () => {
    expect(annotate(withCodon(ORF, 150, "TGA").slice(300))).toMatchObject({ status: "truncated", aminoAcidChanges: [expect.stringMatching(/^\w150\*$/)], prematureStop: true });
  });

  it("gives no amino-acid changes for a reference that is not one open reading frame", () => {
    const notCoding = codes(ORF + "AC"); // 602 bases: not whole codons
    const gene = withCodon(ORF, 40, "GGT") + "AC";
    const placed = inContig(gene, "-");
    expect(annotateCall(placed, notCoding, placed.contig)).toMatchObject({
      status: "variant", nucleotideChanges: ["c.119A>G"], aminoAcidChanges: null, frameshift: false, prematureStop: false, referenceProteinLength: null,
    });
  });
});
