import { describe, expect, it } from "vitest";
import { toGenesTsv, toPhenotypesTsv } from "../../../lib/amr/format";
import type { AmrResult } from "../../../lib/amr/types";

const result: AmrResult = {
  model: "resfinder-genes",
  input: { contigs: 1, bases: 2000 },
  genes: [
    { refId: "blaZ_95_MAJJ01000071", gene: "blaZ", accession: "MAJJ01000071", class: "Beta-lactam", contig: "c1", start: 10, end: 855, strand: "-", identity: 99.88, coverage: 100, alignmentLength: 846, referenceLength: 846, antibiotics: ["amoxicillin", "penicillin"],
      allele: {
        status: "variant", referenceStart: 1, referenceEnd: 846, nucleotideChanges: ["c.785A>G", "c.790_791insT"], aminoAcidChanges: ["N262S", "A264fs"],
        frameshift: true, prematureStop: false, proteinLength: 281, referenceProteinLength: 281,
      },
    },
    { refId: "formA_1_X73835", gene: "formA", accession: "X73835", class: "Disinfectant", contig: "c1", start: 900, end: 1500, strand: "+", identity: 90, coverage: 54, alignmentLength: 600, referenceLength: 1110, antibiotics: [] },
  ],
  phenotypes: [
    { antibiotic: "amoxicillin", class: "beta-lactam", phenotype: "Resistant", genes: ["blaZ_95_MAJJ01000071"] },
    { antibiotic: "colistin", class: "polymyxin", phenotype: "No resistance detected", genes: [] },
  ],
};

describe("TSV exports", () => {
  it("writes the genes table with a header and the sample on every row", () => {
    expect(toGenesTsv(result, "isolate 7").split("\n")).toEqual([
      "sample\trefId\tgene\taccession\tclass\tcontig\tstart\tend\tstrand\tidentity\tcoverage\talignmentLength\treferenceLength\tantibiotics" +
        "\talleleStatus\treferenceSpan\tnucleotideChanges\taminoAcidChanges\tframeshift\tprematureStop\totherPieces\tsensitiveOnly",
      "isolate 7\tblaZ_95_MAJJ01000071\tblaZ\tMAJJ01000071\tBeta-lactam\tc1\t10\t855\t-\t99.88\t100.00\t846\t846\tamoxicillin, penicillin" +
        "\tvariant\t1..846\tc.785A>G,c.790_791insT\tN262S,A264fs\tyes\tno\t\tno",
      // A result stored before allele calls existed: the new columns stay empty.
      "isolate 7\tformA_1_X73835\tformA\tX73835\tDisinfectant\tc1\t900\t1500\t+\t90.00\t54.00\t600\t1110\t\t\t\t\t\t\t\t\tno",
      "",
    ]);
  });

  it("names a split gene's other pieces and marks calls only the sensitive model makes", () => {
    const split: AmrResult = {
      ...result,
      model: "resfinder-sensitive",
      genes: [
        {
          ...result.genes[1], refId: "sul1_5_EU780013", gene: "sul1", identity: 86.4, coverage: 100, split: true, sensitiveOnly: true,
          pieces: [{ contig: "c1", start: 900, end: 1500, strand: "+" }, { contig: "c2", start: 1, end: 240, strand: "+" }],
        },
      ],
    };
    const [, row] = toGenesTsv(split, "draft").split("\n");
    expect(row.split("\t").slice(-2)).toEqual(["c2:1..240(+)", "yes"]);
  });

  it("writes one phenotype row per antibiotic, and keeps tabs in names from shifting columns", () => {
    const lines = toPhenotypesTsv(result, "a\tb").split("\n").slice(0, -1);
    expect(lines).toEqual([
      "sample\tantibiotic\tclass\tphenotype\tgenes",
      "a b\tamoxicillin\tbeta-lactam\tResistant\tblaZ_95_MAJJ01000071",
      "a b\tcolistin\tpolymyxin\tNo resistance detected\t",
    ]);
  });
});
