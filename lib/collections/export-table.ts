// The genome × antibiotic matrix as a delimited table (TSV or CSV). Pure.
import type { CollectionMatrix } from "./matrix";

/**
 * "R" where an acquired gene predicts resistance, "-" where none was found (not "S": point
 * mutations and unknown genes are not seen), the same convention as `npm run batch`. One row
 * per genome with results, one column per antibiotic, grouped by class.
 */
export function matrixTable(matrix: CollectionMatrix): string[][] {
  const header = ["genome", "job_id", ...matrix.antibiotics.map((a) => a.name)];
  const classes = ["class", "", ...matrix.antibiotics.map((a) => a.class)];
  const rows = matrix.rows.map((r) => [r.name, r.jobId, ...matrix.antibiotics.map((_, i) => (r.resistant[i] ? "R" : "-"))]);
  return [header, classes, ...rows];
}

export function toTsv(table: string[][]): string {
  return table.map((row) => row.map((v) => v.replace(/[\t\r\n]+/g, " ")).join("\t")).join("\n") + "\n";
}

/** RFC 4180; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function toCsv(table: string[][]): string {
  const cell = (v: string) => {
    const safe = /^[=+@]/.test(v) || (/^-./.test(v) && !/^-?\d/.test(v)) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return table.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
