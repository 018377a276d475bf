import { readFileSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { randomFasta, registerAndSignIn } from "./support";

const ISOLATE = "/usr/share/doc/resfinder/examples/data/test_isolate_01.fa.gz";
const shots = "test-results/screenshots";

test("upload an isolate, watch it complete, read the phenotype and download the genes", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await registerAndSignIn(page, request, "jobs");
  await expect(page.getByTestId("empty-state")).toBeVisible();
  await page.screenshot({ path: `${shots}/dashboard-empty.png`, fullPage: true });

  await page.getByLabel("Genome file").setInputFiles(ISOLATE);
  await expect(page.getByTestId("chosen-file")).toHaveText("test_isolate_01.fa.gz");
  await page.getByLabel(/Job name/).fill("Isolate 01");
  await page.getByRole("button", { name: "Start analysis" }).click();

  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Completed", { timeout: 30_000 });
  await expect(page.getByTestId("resistance-count")).toContainText("antibiotics resistant");
  const beta = page.getByTestId("resistant-class").filter({ hasText: /beta-lactam/i });
  await expect(beta).toContainText("ampicillin");
  await expect(beta).toContainText("blaB-2");
  await expect(page.getByTestId("genes-table")).toContainText("blaB-2_1_AF189300");
  await expect(page.getByRole("img", { name: /Positions of resistance genes/ })).toBeVisible();
  await page.screenshot({ path: `${shots}/job-completed.png`, fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Genes (TSV)" }).click()]);
  expect(download.suggestedFilename()).toBe("Isolate 01.genes.tsv");
  const tsv = readFileSync((await download.path())!, "utf8");
  expect(tsv.split("\n")[0]).toBe(
    "sample\trefId\tgene\taccession\tclass\tcontig\tstart\tend\tstrand\tidentity\tcoverage\talignmentLength\treferenceLength\tantibiotics" +
      "\talleleStatus\treferenceSpan\tnucleotideChanges\taminoAcidChanges\tframeshift\tprematureStop\totherPieces\tsensitiveOnly",
  );
  expect(tsv).toMatch(/^Isolate 01\tblaB-2_1_AF189300\tblaB-2\t/m);

  // Sorting and filtering the genes table.
  await page.getByLabel("Filter genes").fill("no-such-gene");
  await expect(page.getByTestId("genes-table")).toContainText("No gene matches this filter.");
  await page.getByLabel("Filter genes").fill("");

  await page.getByRole("link", { name: "← All jobs" }).click();
  await expect(page.getByTestId("job-row")).toHaveCount(1);
  await expect(page.getByTestId("job-row").first()).toContainText("Isolate 01");
  await page.screenshot({ path: `${shots}/dashboard.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("link", { name: "Isolate 01" }).click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Completed");
  await page.screenshot({ path: `${shots}/job-completed-mobile.png`, fullPage: true });
});

test("cancel a running job on a large genome", async ({ page, request }) => {
  test.setTimeout(120_000);
  await registerAndSignIn(page, request, "cancel");
  const dir = mkdtempSync(path.join(tmpdir(), "amr-e2e-"));
  const file = path.join(dir, "large.fa");
  // 48 Mbp (just under the reader's 50 Mbp limit): several seconds of engine time with the settings below.
  writeFileSync(file, randomFasta(48_000_000, 4));

  await page.getByLabel("Genome file").setInputFiles(file);
  await page.getByText("Advanced settings").click();
  // The slowest settings (the sensitive model, a checkpoint every 1 kbp): the engine got fast enough that
  // with 20 kbp segments a 48 Mbp job could finish between the click and the worker seeing it.
  await page.getByLabel("Model").selectOption("resfinder-sensitive");
  await page.getByLabel("Batch size").fill("1");
  await page.getByLabel("Segment length (bp)").fill("1000");
  await page.getByRole("button", { name: "Start analysis" }).click();
  await expect(page).toHaveURL(/\/jobs\//, { timeout: 60_000 });

  // Watch the API closely (the page polls every 2 s) and cancel the moment the engine starts.
  const id = page.url().split("/").pop();
  await expect
    .poll(async () => (await (await page.request.get(`/api/jobs/${id}`)).json()).status, { intervals: [50], timeout: 30_000 })
    .toBe("Processing");
  await page.getByRole("button", { name: "Cancel job" }).click();
  await expect(page.getByRole("progressbar", { name: "Analysis progress" })).toBeVisible();
  await page.screenshot({ path: `${shots}/job-cancelling.png`, fullPage: true });
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Cancelled", { timeout: 10_000 });
  await expect(page.getByText("This job was cancelled")).toBeVisible();
  const res = await page.request.get(`/api/jobs/${id}/results?format=json`);
  expect(res.status()).toBe(409);
});

test("a bad file gets a clear error and no job", async ({ page, request }) => {
  await registerAndSignIn(page, request, "bad");
  const dir = mkdtempSync(path.join(tmpdir(), "amr-e2e-"));
  const file = path.join(dir, "notes.fa");
  writeFileSync(file, "these are my notes, not a genome\n");
  await page.getByLabel("Genome file").setInputFiles(file);
  await page.getByRole("button", { name: "Start analysis" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "sequence data before" })).toContainText(/^Line 1: /);
  await expect(page.getByTestId("empty-state")).toBeVisible();
});
