import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { registerAndSignIn } from "./support";

const shots = "test-results/screenshots";
const DB = process.env.AMR_DB_DIR ?? "/usr/share/resfinder/db";

/** fosB from the database with codon 52 (CAA, Q) turned into TAA, between flanks: a truncated gene. */
function truncatedFosB(): string {
  const fsa = readFileSync(path.join(DB, "fosfomycin.fsa"), "utf8");
  const record = fsa.split(">").find((r) => r.startsWith("fosB_3_ACHE01000077"))!;
  const gene = record.split("\n").slice(1).join("").trim();
  const stopped = gene.slice(0, 153) + "T" + gene.slice(154);
  const flank = "ACGTTGCAAGCTTGACCTAGGATCCGTACGATCGGATCCTTAAGCGCGTATACGCGATTAGCCGGAATTCCGG".repeat(3);
  return `>fosB_truncated synthetic\n${flank}${stopped}${flank}\n`;
}

test("allele badges explain themselves on hover and focus; tied alleles share one expandable row", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await registerAndSignIn(page, request, "alleles");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "amr-e2e-")), "st14-blaZ.fa");
  writeFileSync(file, readFileSync("tests/fixtures/amr/blaZ-tied-locus.fa", "utf8") + truncatedFosB());

  await page.getByLabel("Genome file").setInputFiles(file);
  await page.getByLabel(/Job name/).fill("ST14 alleles");
  await page.getByRole("button", { name: "Start analysis" }).click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Completed", { timeout: 30_000 });

  const table = page.getByTestId("genes-table");
  const locus = table.getByTestId("locus-row");
  await expect(locus).toHaveCount(1);
  await expect(locus).toContainText("8 tied alleles: blaZ_");
  await expect(table.getByTestId("allele-row")).toHaveCount(0);
  const expand = locus.getByRole("button", { name: "Show 8 alleles" });
  await expect(expand).toHaveAttribute("aria-expanded", "false");
  await expand.click();
  await expect(locus.getByRole("button", { name: "Hide alleles" })).toHaveAttribute("aria-expanded", "true");
  await expect(table.getByTestId("allele-row")).toHaveCount(8);
  await expect(table.getByTestId("allele-row").filter({ hasText: "blaZ_95_MAJJ01000071" })).toHaveCount(1);

  // Pointer: the truncated fosB's badge shows its stop codon.
  const fosB = table.getByTestId("gene-row").filter({ hasText: "fosB" });
  const truncated = fosB.getByTestId("allele-badge");
  await expect(truncated).toHaveText("truncated");
  const fosTip = fosB.getByRole("tooltip");
  await expect(fosTip).toBeHidden();
  await truncated.hover();
  await expect(fosTip).toBeVisible();
  await expect(fosTip).toContainText("Premature stop codon.");
  await expect(fosTip).toContainText("Protein: Q52*");
  // The last row's tooltip is not clipped by the table's scrolling container: its far edge is on top.
  const box = (await fosTip.boundingBox())!;
  for (const y of [box.y + 8, box.y + box.height - 8]) {
    expect(await page.evaluate(([x, y]) => !!document.elementFromPoint(x, y)?.closest("[role=tooltip]"), [box.x + box.width / 2, y])).toBe(true);
  }
  await page.screenshot({ path: `${shots}/job-alleles-truncated-tooltip.png`, fullPage: true });
  await page.mouse.move(0, 0);
  await expect(fosTip).toBeHidden();

  // Keyboard: one tied allele's badge, reached with Tab, describes itself; Escape closes it.
  const allele = table.getByTestId("allele-row").filter({ hasText: "blaZ_95_MAJJ01000071" });
  const badge = allele.getByTestId("allele-badge");
  await expect(badge).toHaveText("novel variant");
  await locus.getByRole("button", { name: "Hide alleles" }).focus();
  for (let i = 0; i < 12 && !(await badge.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(badge).toBeFocused();
  const tip = allele.getByRole("tooltip");
  await expect(tip).toBeVisible();
  await expect(tip).toContainText("DNA: c.785A>G");
  await expect(badge).toHaveAccessibleDescription(/c\.785A>G/);
  await page.screenshot({ path: `${shots}/job-alleles-tied-locus.png`, fullPage: true });
  await page.keyboard.press("Escape");
  await expect(tip).toBeHidden();

  // The download keeps one row per allele, as ResFinder does.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Genes (TSV)" }).click()]);
  const rows = readFileSync((await download.path())!, "utf8").trimEnd().split("\n").slice(1);
  expect(rows).toHaveLength(9);
  expect(rows.filter((r) => r.includes("\tvariant\t1..846\t"))).toHaveLength(8);
  expect(rows.find((r) => r.includes("fosB"))).toMatch(/\ttruncated\t1\.\.429\tc\.154C>T\tQ52\*\tno\tyes\t\tno$/);
});
