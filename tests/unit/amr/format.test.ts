import { describe, expect, it } from "vitest";
import { toGenesTsv, toPhenotypesTsv } from "../../../lib/amr/format";
import type { AmrResult } from "../../../lib/amr/types";

const result: AmrResult = {
  model: "resfinder-genes",
  input: { contigs: 1, bases: 2000 },
  genes: [
    { refId: "blaZ_95_MAJJ01000071", gene: "blaZ", accession: "MAJJ01000071", class: "Beta-lactam", contig: "c1", start: 10, end: 855, strand: "-", identity: 99.88, coverage: 100, alignmentLength: 846, referenceLength: 846, antibiotics: ["amoxicillin", "penicillin"] },
  ],
  phenotypes: [
    { antibiotic: "amoxicillin", class: "beta-lactam", phenotype: "Resistant", genes: ["blaZ_95_MAJJ01000071"] },
    { antibiotic: "colistin", class: "polymyxin", phenotype: "No resistance detected", genes: [] },
  ],
};

describe("TSV exports", () => {
  it("writes the genes table with a header and the sample on every row", () => {
    expect(toGenesTsv(result, "isolate 7").split("\n")).toEqual([
      "sample\trefId\tgene\taccession\tclass\tcontig\tstart\tend\tstrand\tidentity\tcoverage\talignmentLength\treferenceLength\tantibiotics",
      "isolate 7\tblaZ_95_MAJJ01000071\tblaZ\tMAJJ01000071\tBeta-lactam\tc1\t10\t855\t-\t99.88\t100.00\t846\t846\tamoxicillin, penicillin",
      "",
    ]);
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
