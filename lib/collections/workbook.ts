import ExcelJS from "exceljs";
import type { CollectionMatrix } from "./matrix";

const RESISTANT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFECACA" } };

/** Excel would evaluate a name like "=cmd" as a formula; keep user text as text. */
const text = (v: string) => (/^[=+\-@]/.test(v) ? `'${v}` : v);

/**
 * The collection as a workbook, one sheet per view: resistance (genome × antibiotic, the genes
 * in each resistant cell), genes (identity %), share resistant per antibiotic, and notes
 * (members without results, purged members).
 */
export async function matrixWorkbook(name: string, matrix: CollectionMatrix): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "AMR Predictor";

  const res = wb.addWorksheet("Resistance", { views: [{ state: "frozen", xSplit: 1, ySplit: 2 }] });
  res.addRow(["genome", ...matrix.antibiotics.map((a) => a.name)]).font = { bold: true };
  res.addRow(["class", ...matrix.antibiotics.map((a) => a.class)]).font = { italic: true };
  for (const r of matrix.rows) {
    const row = res.addRow([text(r.name), ...matrix.antibiotics.map((_, i) => (r.resistant[i] ? `R (${r.resistant[i].join(", ")})` : "-"))]);
    matrix.antibiotics.forEach((_, i) => {
      if (r.resistant[i]) row.getCell(i + 2).fill = RESISTANT_FILL;
    });
  }
  res.getColumn(1).width = 28;

  const genes = wb.addWorksheet("Genes", { views: [{ state: "frozen", xSplit: 1, ySplit: 2 }] });
  genes.addRow(["genome", ...matrix.genes.map((g) => g.name)]).font = { bold: true };
  genes.addRow(["class", ...matrix.genes.map((g) => g.class)]).font = { italic: true };
  for (const r of matrix.rows) genes.addRow([text(r.name), ...matrix.genes.map((_, i) => r.identity[i] ?? null)]);
  genes.getColumn(1).width = 28;

  const share = wb.addWorksheet("Share resistant");
  share.addRow(["antibiotic", "class", "resistant genomes", "genomes", "share resistant"]).font = { bold: true };
  for (const a of matrix.antibiotics) {
    const row = share.addRow([a.name, a.class, a.resistant, matrix.rows.length, matrix.rows.length ? a.resistant / matrix.rows.length : 0]);
    row.getCell(5).numFmt = "0.0%";
  }

  const notes = wb.addWorksheet("Notes");
  notes.addRow(["collection", text(name)]);
  notes.addRow(["members", matrix.counts.total]);
  notes.addRow(["with results", matrix.rows.length]);
  notes.addRow([]);
  notes.addRow(["genome", "job_id", "note"]).font = { bold: true };
  for (const m of matrix.members) {
    if (m.status !== "Completed" && m.status !== "Archived") notes.addRow([text(m.name), m.id, `no results: ${m.status.toLowerCase()}`]);
  }
  for (const u of matrix.unreadable) notes.addRow([text(u.name), u.jobId, "result files missing"]);
  for (const p of matrix.purged) notes.addRow([text(p.name), p.jobId, `deleted by the retention policy on ${p.purgedAt.slice(0, 10)}`]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
