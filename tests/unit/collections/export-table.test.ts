import { describe, expect, it } from "vitest";
import { matrixTable, toCsv, toTsv } from "@/lib/collections/export-table";
import { buildMatrix, summariseResult } from "@/lib/collections/matrix";
import type { AmrResult } from "@/lib/amr/types";

const hit = (gene: string, cls: string, identity: number, antibiotics: string[]) => ({
  refId: `${gene}_1_X`, gene, accession: "X", class: cls, contig: "c", start: 1, end: 90, strand: "+" as const,
  identity, coverage: 100, alignmentLength: 90, referenceLength: 90, antibiotics,
});

const result = (hits: ReturnType<typeof hit>[], rated: [string, string][]): AmrResult => ({
  model: "resfinder-genes",
  input: { contigs: 1, bases: 10 },
  genes: hits,
  phenotypes: rated.map(([antibiotic, cls]) => {
    const genes = hits.filter((h) => h.antibiotics.includes(antibiotic)).map((h) => h.refId);
    return { antibiotic, class: cls, phenotype: genes.length ? ("Resistant" as const) : ("No resistance detected" as const), genes };
  }),
});

describe("summariseResult", () => {
  it("names genes (not reference ids) behind each call and keeps the best identity per gene", () => {
    const r = result([hit("tet(A)", "tetracycline", 95, ["tetracycline"]), { ...hit("tet(A)", "tetracycline", 99.1, ["tetracycline"]), refId: "tet(A)_2_Y" }], [["tetracycline", "tetracycline"], ["gentamicin", "aminoglycoside"]]);
    const s = summariseResult(r);
    expect(s.antibiotics).toEqual([
      { name: "tetracycline", class: "tetracycline", genes: ["tet(A)"] },
      { name: "gentamicin", class: "aminoglycoside", genes: null },
    ]);
    expect(s.genes).toEqual([{ name: "tet(A)", class: "tetracycline", identity: 99.1 }]);
  });
});

describe("matrix tables", () => {
  const members = [
    { id: "j1", name: "=HYPERLINK(evil)", status: "Completed", progress: 100 },
    { id: "j2", name: "plain, with comma", status: "Completed", progress: 100 },
    { id: "j3", name: "running", status: "Processing", progress: 10 },
  ];
  const calls = new Map([
    ["j1", summariseResult(result([hit("blaTEM-1B", "beta-lactam", 100, ["ampicillin"])], [["ampicillin", "beta-lactam"], ["gentamicin", "aminoglycoside"]]))],
    ["j2", summariseResult(result([], [["ampicillin", "beta-lactam"], ["gentamicin", "aminoglycoside"]]))],
  ]);
  const matrix = buildMatrix(members, calls);

  it("TSV: R / - per antibiotic, columns grouped by class, a class row under the header", () => {
    expect(toTsv(matrixTable(matrix))).toBe(
      "genome\tjob_id\tgentamicin\tampicillin\nclass\t\taminoglycoside\tbeta-lactam\n=HYPERLINK(evil)\tj1\t-\tR\nplain, with comma\tj2\t-\t-\n",
    );
  });

  it("CSV: quotes commas and defuses formulas, leaves the '-' marker alone", () => {
    const csv = toCsv(matrixTable(matrix)).split("\r\n");
    expect(csv[2]).toBe("'=HYPERLINK(evil),j1,-,R");
    expect(csv[3]).toBe('"plain, with comma",j2,-,-');
  });
});
