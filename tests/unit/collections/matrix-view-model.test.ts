import { describe, expect, it } from "vitest";
import { buildMatrix, type GenomeCalls } from "@/lib/collections/matrix";
import { classSpans, visibleColumns, visibleRows } from "@/components/collections/matrix-view-model";

const calls = (resistant: string[]): GenomeCalls => ({
  antibiotics: [
    { name: "ampicillin", class: "beta-lactam", genes: resistant.includes("ampicillin") ? ["blaTEM-1B"] : null },
    { name: "cefotaxime", class: "beta-lactam", genes: resistant.includes("cefotaxime") ? ["blaCTX-M-15"] : null },
    { name: "gentamicin", class: "aminoglycoside", genes: null },
    { name: "tetracycline", class: "tetracycline", genes: resistant.includes("tetracycline") ? ["tet(A)"] : null },
  ],
  genes: [],
});
const members = ["isolate 10", "isolate 2", "isolate 1"].map((name, i) => ({ id: `j${i}`, name, status: "Completed", progress: 100 }));
const matrix = buildMatrix(members, new Map([["j0", calls(["ampicillin"])], ["j1", calls(["ampicillin", "cefotaxime", "tetracycline"])], ["j2", calls([])]]));

describe("heatmap view model", () => {
  it("hides antibiotics nobody resists, on request", () => {
    expect(matrix.antibiotics.map((a) => a.name)).toEqual(["gentamicin", "ampicillin", "cefotaxime", "tetracycline"]);
    expect(visibleColumns(matrix, true)).toEqual([1, 2, 3]);
    expect(visibleColumns(matrix, false)).toEqual([0, 1, 2, 3]);
  });

  it("sorts by name (numeric), by resistance count, or resistant-first for one antibiotic; filters by name", () => {
    expect(visibleRows(matrix, { filter: "", sort: { by: "name" } }).map((r) => r.name)).toEqual(["isolate 1", "isolate 2", "isolate 10"]);
    expect(visibleRows(matrix, { filter: "", sort: { by: "resistant" } }).map((r) => r.name)).toEqual(["isolate 2", "isolate 10", "isolate 1"]);
    expect(visibleRows(matrix, { filter: "", sort: { by: "antibiotic", index: 1 } }).map((r) => r.name)).toEqual(["isolate 2", "isolate 10", "isolate 1"]);
    expect(visibleRows(matrix, { filter: "ISOLATE 1", sort: { by: "name" } }).map((r) => r.name)).toEqual(["isolate 1", "isolate 10"]);
  });

  it("groups visible columns into class spans", () => {
    expect(classSpans(matrix, [1, 2, 3])).toEqual([
      { cls: "beta-lactam", start: 0, length: 2 },
      { cls: "tetracycline", start: 2, length: 1 },
    ]);
  });
});
