import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { registerAndSignIn } from "./support";

// What issue-level users do with a sequencing run, in the browser only: a folder of genomes (one
// of them broken, one not a genome) into a new collection, the cohort's heatmap, a shared link.
const EXAMPLES = "/usr/share/doc/resfinder/examples/data";
const shots = "test-results/screenshots";

function runFolder(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "amr-e2e-cohort-")), "run9");
  mkdirSync(dir, { recursive: true });
  copyFileSync(`${EXAMPLES}/test_isolate_01.fa.gz`, path.join(dir, "isolate_01.fa.gz"));
  copyFileSync(`${EXAMPLES}/test_isolate_02.fa`, path.join(dir, "isolate_02.fa"));
  copyFileSync(`${EXAMPLES}/test_isolate_03.fa.gz`, path.join(dir, "isolate_03.fa.gz"));
  writeFileSync(path.join(dir, "broken.fasta"), ">contig_1\nACGTACGTAC\nthis line is a note, not DNA\n");
  writeFileSync(path.join(dir, "samplesheet.csv"), "sample,plate\nisolate_01,A\n");
  return dir;
}

test("from a folder of genomes to a shared heatmap of the cohort, using only the browser", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await registerAndSignIn(page, page.request, "cohort");

  // The folder, into a new collection made at upload time.
  await page.getByLabel("Genome folder").setInputFiles(runFolder());
  await expect(page.getByTestId("chosen-count")).toHaveText(/^4 genomes/);
  await expect(page.getByTestId("skipped-note")).toHaveText("1 file skipped (not FASTA genomes): run9/samplesheet.csv");
  await page.getByLabel(/Add to collection/).selectOption({ label: "New collection…" });
  await page.getByLabel("New collection name").fill("Run 9");
  await page.getByRole("button", { name: "Start 4 analyses" }).click();

  // The queue: three jobs, the broken file refused with its line (the others went on).
  const items = page.getByTestId("queue-item");
  await expect(items).toHaveCount(4);
  await expect(page.locator('[data-testid="queue-item"][data-state="done"]')).toHaveCount(3);
  await expect(items.filter({ hasText: "run9/broken.fasta" }).getByRole("alert")).toHaveText(/^Line 3: /);
  await page.getByTestId("upload-queue").screenshot({ path: `${shots}/cohort-queue.png` });

  // The collection holds exactly the three jobs; its heatmap fills in as they finish.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Collections" }).click();
  await expect(page.getByTestId("collection-item")).toHaveCount(1);
  await expect(page.getByTestId("collection-item")).toContainText("Run 9");
  await page.getByRole("link", { name: "Run 9" }).click();
  await expect(page.getByTestId("collection-progress")).toHaveText("3 of 3 finished", { timeout: 90_000 });
  await expect(page.getByTestId("heatmap-row")).toHaveCount(3);
  // Each row counts its antibiotics with resistance (blaB-2: 3; blaCTX-M-33: 9; isolate_03: none).
  for (const [name, n] of [["isolate_01", "3"], ["isolate_02", "9"], ["isolate_03", "0"]]) {
    await expect(page.getByTestId("heatmap-row").filter({ hasText: name }).getByTestId("heatmap-row-count")).toHaveText(n);
  }
  await page.screenshot({ path: `${shots}/cohort-heatmap.png`, fullPage: true });

  // isolate_01 carries blaB-2: its resistant cell names the gene and opens the job.
  const cell = page.getByTestId("heatmap-row").filter({ hasText: "isolate_01" }).getByTestId("heatmap-cell-r").first();
  await cell.focus();
  await expect(page.getByTestId("heatmap-tooltip")).toContainText("blaB-2");
  await cell.click();
  await expect(page.getByTestId("job-name")).toHaveText("isolate_01");
  await page.goBack();

  // The workbook: one sheet per view, a row per genome under the two header rows.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-xlsx").click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  expect(wb.getWorksheet("Resistance")!.rowCount).toBe(2 + 3);

  // A read-only link, opened where nobody is signed in.
  await page.getByRole("button", { name: "Share…" }).click();
  await page.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByTestId("share-url").inputValue();
  const guest = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const anon = await guest.newPage();
  expect((await anon.goto(url))?.status()).toBe(200);
  await expect(anon.getByTestId("collection-name")).toHaveText("Run 9");
  await expect(anon.getByTestId("heatmap-row")).toHaveCount(3);
  await expect(anon.getByRole("button", { name: "Share…" })).toHaveCount(0);
  await guest.close();
});
