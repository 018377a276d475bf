import { describe, expect, it } from "vitest";
import { describeAllele } from "@/components/jobs/allele-text";
import { groupTiedLoci, sharedStatus } from "@/components/jobs/gene-loci";
import type { AlleleCall, GeneHit } from "@/lib/amr/types";

const allele = (over: Partial<AlleleCall> = {}): AlleleCall => ({
  status: "variant", referenceStart: 1, referenceEnd: 846, nucleotideChanges: ["c.785A>G"], aminoAcidChanges: ["N262S"],
  frameshift: false, prematureStop: false, proteinLength: 281, referenceProteinLength: 281, ...over,
});

const hit = (refId: string, over: Partial<GeneHit> = {}): GeneHit => ({
  refId, gene: refId.split("_")[0], accession: refId.split("_").slice(2).join("_"), class: "Beta-lactam", contig: "c5",
  start: 401, end: 1246, strand: "+", identity: 99.88, coverage: 100, alignmentLength: 846, referenceLength: 846, antibiotics: ["penicillin"], allele: allele(), ...over,
});

describe("tied alleles on the job page", () => {
  it("puts alleles of one class at overlapping positions with equal identity and coverage on one locus", () => {
    const genes = [
      hit("blaZ_95_MAJJ01000071"),
      hit("blaZ_89_FKPS01000007", { start: 402, end: 1246 }),
      hit("fosB_1_ACHE01000077", { class: "Fosfomycin", contig: "c2", start: 35416, end: 35844, identity: 100 }),
      hit("blaZ_61_NZ_JVAT01000021"),
    ];
    const loci = groupTiedLoci(genes);
    expect(loci.map((l) => l.genes.map((g) => g.refId))).toEqual([["blaZ_95_MAJJ01000071", "blaZ_89_FKPS01000007", "blaZ_61_NZ_JVAT01000021"], ["fosB_1_ACHE01000077"]]);
    expect(new Set(loci.map((l) => l.key)).size).toBe(2);
  });

  it("keeps apart what is not a tie: another identity, coverage, class or contig, or no overlap", () => {
    const base = hit("blaSHV-1_1_AF148850");
    for (const other of [
      hit("blaSHV-11_1_X98101", { identity: 99.5 }),
      hit("blaSHV-11_1_X98101", { coverage: 99.9 }),
      hit("blaSHV-11_1_X98101", { class: "Quinolone" }),
      hit("blaSHV-11_1_X98101", { contig: "c6" }),
      hit("blaSHV-11_1_X98101", { start: 1247, end: 2092 }),
    ]) {
      expect(groupTiedLoci([base, other])).toHaveLength(2);
    }
  });

  it("shows a locus badge only when every allele has the same status", () => {
    expect(sharedStatus([hit("a_1_X"), hit("b_1_Y")])).toBe("variant");
    expect(sharedStatus([hit("a_1_X"), hit("b_1_Y", { allele: allele({ status: "exact" }) })])).toBeNull();
    expect(sharedStatus([hit("a_1_X"), hit("b_1_Y", { allele: undefined })])).toBeNull();
  });

  it("describes a truncated allele with its stop, length and changes, and shortens long lists", () => {
    const lines = describeAllele(allele({ status: "truncated", prematureStop: true, proteinLength: 149, aminoAcidChanges: ["Q150*"], nucleotideChanges: ["c.448C>T"] }));
    expect(lines).toEqual([
      "The protein is cut short and may not confer resistance.",
      "Premature stop codon.",
      "Protein 149 of 281 residues.",
      "Protein: Q150*",
      "DNA: c.448C>T",
    ]);
    expect(describeAllele(allele({ status: "partial", referenceStart: 301, referenceEnd: 846, proteinLength: null }))[1]).toBe("Reference bases 301–846.");
    // A split gene is partial even when its pieces hold every base: the tooltip says why.
    const split = describeAllele(allele({ status: "partial", referenceStart: 1, referenceEnd: 753, proteinLength: null, nucleotideChanges: [] }), true);
    expect(split[0]).toMatch(/^Split across two contigs/);
    expect(split[1]).toBe("Reference bases 1–753, over the pieces together.");
    const many = Array.from({ length: 30 }, (_, i) => `c.${i + 1}A>G`);
    expect(describeAllele(allele({ nucleotideChanges: many, aminoAcidChanges: null })).at(-1)).toBe(`DNA: ${many.slice(0, 12).join(", ")} and 18 more (see the downloads)`);
  });
});
