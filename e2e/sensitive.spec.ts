import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { seededRandom } from "../lib/seeded-random";
import { registerAndSignIn } from "./support";

const shots = "test-results/screenshots";
const DB = process.env.AMR_DB_DIR ?? "/usr/share/resfinder/db";
const GENE = "aph(3')-VIIa_1_M29953";

/** Fixed pseudo-random flank (no resistance gene in it), so the test reads the same every run. */
function flank(length: number, seed: number): string {
  const rand = seededRandom(seed);
  return Array.from({ length }, () => "ACGT"[Math.floor(rand() * 4)]).join("");
}

/** A draft assembly that broke one gene across two contigs: its first half ends contig_1, its second half starts contig_2. */
function splitGeneAssembly(): string {
  const fsa = readFileSync(path.join(DB, "aminoglycoside.fsa"), "utf8");
  const record = fsa.split(">").find((r) => r.startsWith(GENE))!;
  const gene = record.split("\n").slice(1).join("").trim();
  const half = Math.floor(gene.length / 2);
  return `>contig_1 draft\n${flank(3000, 1)}${gene.slice(0, half)}\n>contig_2 draft\n${gene.slice(half)}${flank(2000, 2)}\n`;
}

test("the sensitive model joins a gene split across two contigs, marks it, and maps both pieces", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await registerAndSignIn(page, request, "sensitive");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "amr-e2e-")), "split-draft.fa");
  writeFileSync(file, splitGeneAssembly());

  await page.getByLabel("Genome file").setInputFiles(file);
  await page.getByLabel(/Job name/).fill("Split draft");
  await page.getByText("Advanced settings").click();
  await page.getByLabel("Model").selectOption("resfinder-sensitive");
  await page.getByRole("button", { name: "Start analysis" }).click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Completed", { timeout: 60_000 });

  // One call for the two pieces, marked as the sensitive model's own, naming the second piece.
  const row = page.getByTestId("genes-table").getByTestId("gene-row").filter({ hasText: GENE });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("sensitive-only")).toHaveText("sensitive · split");
  await expect(row.getByTestId("split-pieces")).toContainText("+ contig_2:1–");
  await expect(row).toContainText("100");
  // Partial however complete the pieces are, and the badge says why.
  const badge = row.getByTestId("allele-badge");
  await expect(badge).toHaveText("partial");
  await badge.hover();
  await expect(row.getByRole("tooltip")).toContainText("Split across two contigs");
  await expect(row.getByRole("tooltip")).toContainText("over the pieces together");
  await page.mouse.move(0, 0);

  // The map draws both pieces, each on its own contig's track.
  const map = page.getByRole("img", { name: /Positions of resistance genes/ });
  const marks = map.getByTestId("hit-mark");
  await expect(marks).toHaveCount(2);
  await expect(marks.nth(0).locator("title")).toHaveText(/piece 1 of 2 \(split across contigs\)/);
  await expect(marks.nth(1).locator("title")).toHaveText(/piece 2 of 2 \(split across contigs\)/);
  await expect(page.getByText("2 of 2 contigs carry hits")).toBeVisible();
  await page.screenshot({ path: `${shots}/job-sensitive-split.png`, fullPage: true });

  // The job says which model produced it.
  const job = page.url().split("/").pop();
  const detail = await (await page.request.get(`/api/jobs/${job}`)).json();
  expect(detail.modelName).toBe("resfinder-sensitive");
});
