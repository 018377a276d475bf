import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { registerAndSignIn } from "./support";

const DATA = "/usr/share/doc/resfinder/examples/data";
const GENOMES = ["test_isolate_01.fa.gz", "test_isolate_02.fa", "test_isolate_03.fa.gz", "test_isolate_05.fa.gz"];
const shots = "test-results/screenshots";

test("a collection: jobs fill in the heatmap, a cell opens its job, the workbook downloads, a share link opens without an account", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await registerAndSignIn(page, page.request, "coll");

  // Create the collection in the browser.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Collections" }).click();
  await expect(page.getByTestId("collections-empty")).toBeVisible();
  await page.getByLabel("New collection").fill("Ward 7 outbreak");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByTestId("collection-item")).toContainText("Ward 7 outbreak");
  await page.getByRole("link", { name: "Ward 7 outbreak" }).click();
  await expect(page.getByTestId("collection-empty")).toBeVisible();
  const collectionId = page.url().split("/").pop()!;

  // Jobs straight into the collection through the API (what the upload form sends).
  for (const name of GENOMES) {
    const res = await page.request.post("/api/jobs", {
      multipart: { file: { name, mimeType: "application/octet-stream", buffer: readFileSync(`${DATA}/${name}`) }, collection_id: collectionId, jobName: name.replace(/\.fa(\.gz)?$/, "") },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  // The page polls: progress first, then every genome's row.
  await expect(page.getByTestId("collection-progress")).toContainText(/of 4 finished/);
  await page.screenshot({ path: `${shots}/collection-progress.png`, fullPage: true });
  await expect(page.getByTestId("collection-progress")).toHaveText("4 of 4 finished", { timeout: 90_000 });
  await expect(page.getByTestId("heatmap-row")).toHaveCount(4);
  await expect(page.getByTestId("resistance-bars")).toBeVisible();
  await page.screenshot({ path: `${shots}/collection-heatmap.png`, fullPage: true });

  // A resistant cell names its genes on hover and on keyboard focus; a click opens the job.
  const cell = page.getByTestId("heatmap-row").filter({ hasText: "test_isolate_01" }).getByTestId("heatmap-cell-r").first();
  await cell.hover();
  await expect(page.getByTestId("heatmap-tooltip")).toContainText(/test_isolate_01 — .+: resistant; genes /);
  await page.mouse.move(0, 0);
  await cell.focus();
  await expect(page.getByTestId("heatmap-tooltip")).toContainText("resistant; genes");
  await page.screenshot({ path: `${shots}/collection-tooltip.png` });
  await cell.click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("job-name")).toHaveText("test_isolate_01");
  await page.goBack();

  // The workbook: one sheet per view, one row per genome.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-xlsx").click()]);
  expect(download.suggestedFilename()).toBe("Ward 7 outbreak.resistance.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Resistance", "Genes", "Share resistant", "Notes"]);
  expect(wb.getWorksheet("Resistance")!.rowCount).toBe(2 + 4);

  // Share it, then open the link in a fresh context: no session, no actions, the same heatmap.
  await page.getByRole("button", { name: "Share…" }).click();
  await page.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByTestId("share-url").inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);

  const guest = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const anon = await guest.newPage();
  const res = await anon.goto(url);
  expect(res?.status()).toBe(200);
  expect(res?.headers()["x-robots-tag"]).toMatch(/noindex/);
  await expect(anon.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(anon.getByTestId("collection-name")).toHaveText("Ward 7 outbreak");
  await expect(anon.getByTestId("heatmap-row")).toHaveCount(4);
  await expect(anon.getByTestId("shared-byline")).not.toContainText("coll");
  for (const name of ["Share…", "Delete", "Cancel", "Re-run", "Rename"]) await expect(anon.getByRole("button", { name })).toHaveCount(0);
  await expect(anon.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(anon.getByRole("link", { name: "test_isolate_01" })).toHaveCount(0);
  await anon.screenshot({ path: `${shots}/collection-shared.png`, fullPage: true });

  // Revoked on /account: the link is a 404 from then on.
  await page.goto("/account");
  await expect(page.getByTestId("account-share-row")).toContainText("Ward 7 outbreak");
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId("account-share-row").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("account-share-row")).toHaveCount(0);
  expect((await anon.goto(url))?.status()).toBe(404);
  await guest.close();
});
