import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { registerAndSignIn } from "./support";

const EXAMPLES = "/usr/share/doc/resfinder/examples/data";
const GENOMES = ["test_isolate_01.fa.gz", "test_isolate_02.fa", "test_isolate_03.fa.gz"];
const shots = "test-results/screenshots";
const run = promisify(execFile);

test("create a token on /account, batch three genomes with the script, read combined.tsv, revoke the token", async ({ page, request, baseURL }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await registerAndSignIn(page, request, "batch");

  await page.goto("/account");
  await page.getByLabel("Token name").fill("e2e batch");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token").textContent())!.trim();
  expect(secret).toMatch(/^amr_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("api-token-row")).toHaveCount(1);
  await expect(page.getByTestId("token-last-used")).toHaveText("Never");
  await page.screenshot({ path: `${shots}/account-api-tokens.png`, fullPage: true });

  // A token cannot mint tokens.
  const mint = await request.post("/api/tokens", { data: { name: "child" }, headers: { authorization: `Bearer ${secret}` } });
  expect(mint.status()).toBe(403);

  const work = mkdtempSync(path.join(tmpdir(), "amr-batch-"));
  const dir = path.join(work, "genomes");
  mkdirSync(dir);
  for (const g of GENOMES) copyFileSync(path.join(EXAMPLES, g), path.join(dir, g));
  const out = path.join(work, "results");
  const { stdout } = await run("node_modules/.bin/tsx", ["scripts/batch-submit.ts", "--url", baseURL!, "--token", secret, "--dir", dir, "--out", out, "--collection", "Batch run"], { timeout: 150_000 });
  expect(stdout).toContain("3 of 3 genomes completed");
  expect(stdout).toContain("collection matrix: collection.tsv, collection.xlsx");

  const combined = readFileSync(path.join(out, "combined.tsv"), "utf8").trimEnd().split("\n").map((l) => l.split("\t"));
  const [header, ...rows] = combined;
  expect(header[0]).toBe("genome");
  expect(rows.map((r) => r[0])).toEqual(["test_isolate_01", "test_isolate_02", "test_isolate_03"]);
  for (const row of rows) expect(row).toHaveLength(header.length);
  expect(rows.every((r) => r.slice(1).every((c) => c === "R" || c === "-"))).toBe(true);
  // ResFinder 4.3 on these isolates: 01 blaB-2 (ampicillin, …), 02 blaCTX-M-33 (cefotaxime, …), 03 nothing.
  const cell = (genome: number, antibiotic: string) => rows[genome][header.indexOf(antibiotic)];
  expect([cell(0, "ampicillin"), cell(0, "cefotaxime"), cell(1, "cefotaxime"), cell(1, "ampicillin")]).toEqual(["R", "-", "R", "R"]);
  expect(rows[2].slice(1).every((c) => c === "-")).toBe(true);
  for (const g of ["test_isolate_01", "test_isolate_02", "test_isolate_03"]) {
    expect(readFileSync(path.join(out, g, "phenotypes.tsv"), "utf8")).toMatch(/^sample\tantibiotic/);
    expect(JSON.parse(readFileSync(path.join(out, g, "result.json"), "utf8")).model).toBe("resfinder-genes");
  }
  expect(readFileSync(path.join(out, "failures.tsv"), "utf8")).toBe("genome\tstage\tmessage\n");
  // --collection: the same calls in the collection's matrix (columns grouped by class there).
  const [cHeader, , ...cRows] = readFileSync(path.join(out, "collection.tsv"), "utf8").trimEnd().split("\n").map((l) => l.split("\t"));
  expect(cRows.map((r) => r[0])).toEqual(["test_isolate_01", "test_isolate_02", "test_isolate_03"]);
  for (const [i, row] of cRows.entries()) {
    for (const antibiotic of header.slice(1)) expect(row[cHeader.indexOf(antibiotic)], `${row[0]} ${antibiotic}`).toBe(cell(i, antibiotic));
  }
  const collections = await page.request.get("/api/collections");
  expect((await collections.json()).collections).toMatchObject([{ name: "Batch run", jobCount: 3 }]);

  await page.reload();
  await expect(page.getByTestId("token-last-used")).not.toHaveText("Never");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("No tokens yet.")).toBeVisible();
  const refused = await request.get("/api/jobs", { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
});

test("the API reference renders offline from /api/openapi.json", async ({ page }) => {
  const external: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (/^https?:$/.test(url.protocol) && url.hostname !== "localhost") external.push(req.url());
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/docs/api");
  await expect(page.getByText("AMR Predictor API").first()).toBeVisible();
  await expect(page.getByText("Upload a genome and queue a job").first()).toBeVisible();
  await expect(page.getByText("Ask AI")).toHaveCount(0);
  await page.screenshot({ path: `${shots}/api-reference.png`, fullPage: false });
  expect(external).toEqual([]);
});
