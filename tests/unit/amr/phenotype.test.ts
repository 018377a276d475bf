import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../../lib/amr/catalog";
import { derivePhenotypes } from "../../../lib/amr/phenotype";
import type { GeneHit } from "../../../lib/amr/types";

async function geneFor(refId: string): Promise<GeneHit> {
  const catalog = await loadCatalog("/usr/share/resfinder/db");
  const ref = catalog.refs.find((r) => r.refId === refId)!;
  return {
    refId, gene: ref.gene, accession: ref.accession, class: catalog.classes[ref.classIndex].name, contig: "c", start: 1, end: ref.codes.length,
    strand: "+", identity: 100, coverage: 100, alignmentLength: ref.codes.length, referenceLength: ref.codes.length, antibiotics: ref.antibiotics,
  };
}

describe("phenotype per antibiotic", () => {
  it("marks every antibiotic a gene lists as resistant, with the genes behind it, and the rest not", async () => {
    const catalog = await loadCatalog("/usr/share/resfinder/db");
    const blaZ = await geneFor("blaZ_95_MAJJ01000071");
    const fosB = await geneFor("fosB_3_ACHE01000077");
    const rows = derivePhenotypes(catalog, [blaZ, fosB]);
    expect(rows).toHaveLength(catalog.antibioticRows.length);
    const resistant = rows.filter((r) => r.phenotype === "Resistant");
    expect(resistant.map((r) => [r.antibiotic, r.class, r.genes])).toEqual([
      ["amoxicillin", "beta-lactam", ["blaZ_95_MAJJ01000071"]],
      ["ampicillin", "beta-lactam", ["blaZ_95_MAJJ01000071"]],
      ["piperacillin", "beta-lactam", ["blaZ_95_MAJJ01000071"]],
      ["penicillin", "beta-lactam", ["blaZ_95_MAJJ01000071"]],
      ["fosfomycin", "fosfomycin", ["fosB_3_ACHE01000077"]],
    ]);
    expect(rows.filter((r) => r.phenotype === "No resistance detected").every((r) => r.genes.length === 0)).toBe(true);
  });

  it("maps a gene to antibiotics of several classes (aac(6')-Ib-cr: aminoglycosides and quinolones)", async () => {
    const catalog = await loadCatalog("/usr/share/resfinder/db");
    const rows = derivePhenotypes(catalog, [await geneFor("aac(6')-Ib-cr_1_DQ303918")]);
    const resistant = rows.filter((r) => r.phenotype === "Resistant").map((r) => `${r.class}:${r.antibiotic}`);
    expect(resistant.sort()).toEqual(
      ["aminoglycoside:amikacin", "aminoglycoside:dibekacin", "aminoglycoside:netilmicin", "aminoglycoside:sisomicin", "aminoglycoside:tobramycin", "quinolone:ciprofloxacin", "quinolone:fluoroquinolone"].sort(),
    );
  });

  it("maps formA to formaldehyde, a disinfectant class", async () => {
    const catalog = await loadCatalog("/usr/share/resfinder/db");
    const formA = await geneFor("formA_1_X73835");
    expect(derivePhenotypes(catalog, [formA]).filter((r) => r.phenotype === "Resistant").map((r) => [r.antibiotic, r.class])).toEqual([["formaldehyde", "aldehyde"]]);
  });
});
