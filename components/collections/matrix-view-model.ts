// Sorting and filtering of the heatmap's rows and columns. Pure, so it is unit-tested.
import type { CollectionMatrix, MatrixRow } from "@/lib/collections/matrix";

export type RowSort = { by: "name" } | { by: "resistant" } | { by: "antibiotic"; index: number };

export interface HeatmapOptions {
  filter: string;
  sort: RowSort;
  /** Hide antibiotics no genome in the collection is resistant to. */
  onlyResistantColumns: boolean;
}

export function visibleColumns(matrix: CollectionMatrix, onlyResistant: boolean): number[] {
  return matrix.antibiotics.flatMap((a, i) => (!onlyResistant || a.resistant > 0 ? [i] : []));
}

/** How many antibiotics a genome is resistant to (the heatmap's '# R' column and sort). */
export const resistantCount = (r: MatrixRow) => Object.keys(r.resistant).length;

export function visibleRows(matrix: CollectionMatrix, opts: Pick<HeatmapOptions, "filter" | "sort">): MatrixRow[] {
  const needle = opts.filter.trim().toLowerCase();
  const rows = needle ? matrix.rows.filter((r) => r.name.toLowerCase().includes(needle)) : [...matrix.rows];
  const byName = (a: MatrixRow, b: MatrixRow) => a.name.localeCompare(b.name, undefined, { numeric: true });
  const sort = opts.sort;
  if (sort.by === "name") return rows.sort(byName);
  if (sort.by === "resistant") {
    // Counted once per row, not once per comparison.
    const counts = new Map(rows.map((r) => [r, resistantCount(r)]));
    return rows.sort((a, b) => counts.get(b)! - counts.get(a)! || byName(a, b));
  }
  const has = (r: MatrixRow) => (r.resistant[sort.index] ? 1 : 0);
  return rows.sort((a, b) => has(b) - has(a) || byName(a, b));
}

/** Spans of consecutive columns of one class, for the class band above the heatmap. */
export function classSpans(matrix: CollectionMatrix, columns: readonly number[]): { cls: string; start: number; length: number }[] {
  const spans: { cls: string; start: number; length: number }[] = [];
  columns.forEach((c, i) => {
    const cls = matrix.antibiotics[c].class;
    const last = spans[spans.length - 1];
    if (last && last.cls === cls) last.length += 1;
    else spans.push({ cls, start: i, length: 1 });
  });
  return spans;
}
