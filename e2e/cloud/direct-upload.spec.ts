import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { expect, test } from "@playwright/test";
import { randomFasta, registerAndSignIn } from "../support";

// PostgreSQL + S3: the browser sends genomes straight to the bucket (the app server never
// receives them), the app validates them there, a worker runs them, results come back.
const ISOLATE = "/usr/share/doc/resfinder/examples/data/test_isolate_01.fa.gz";
const shots = "test-results/screenshots";
const S3 = `http://127.0.0.1:${process.env.E2E_S3_PORT ?? 4569}`;

test("drag a genome into the dashboard: it goes to the bucket with a progress bar, completes, and downloads", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const toBucket: string[] = [];
  const jobPosts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().startsWith(S3)) toBucket.push(r.url());
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/jobs") jobPosts.push(r.headers()["content-type"] ?? "");
  });
  await registerAndSignIn(page, request, "cloud");

  // A 6 MB genome on a link throttled to 2 MB/s: the bar has time to show real progress.
  const dir = mkdtempSync(path.join(tmpdir(), "amr-e2e-"));
  const big = path.join(dir, "big_genome.fa");
  writeFileSync(big, randomFasta(6_000_000, 3));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 2 * 1024 * 1024 });
  await page.getByLabel("Genome file").setInputFiles(big);
  await page.getByRole("button", { name: "Start analysis" }).click();
  const bar = page.getByRole("progressbar", { name: "Upload progress" });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 20_000 }).toBeGreaterThan(10);
  expect(Number(await bar.getAttribute("aria-valuenow"))).toBeLessThan(100);
  await page.screenshot({ path: `${shots}/direct-upload-progress.png` });
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Completed", { timeout: 60_000 });

  // The real isolate: the genome went to the bucket, the app got only the JSON confirmation.
  await page.goto("/dashboard");
  await page.getByLabel("Genome file").setInputFiles(ISOLATE);
  await page.getByLabel(/Job name/).fill("Isolate 01 via S3");
  await page.getByRole("button", { name: "Start analysis" }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Completed", { timeout: 30_000 });
  await expect(page.getByTestId("genes-table")).toContainText("blaB-2_1_AF189300");
  await page.screenshot({ path: `${shots}/job-completed-s3.png`, fullPage: true });
  expect(toBucket).toHaveLength(2);
  expect(jobPosts).toHaveLength(2);
  for (const type of jobPosts) expect(type).toMatch(/^application\/json/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Genes (TSV)" }).click()]);
  expect(download.suggestedFilename()).toBe("Isolate 01 via S3.genes.tsv");
  expect(readFileSync((await download.path())!, "utf8")).toMatch(/^Isolate 01 via S3\tblaB-2_1_AF189300\tblaB-2\t/m);
});

test("pages allow connections to the bucket, and only to it", async ({ request }) => {
  const csp = (await request.get("/login")).headers()["content-security-policy"];
  expect(csp).toContain(`connect-src 'self' ${S3};`);
});

test("a file that is not a genome is refused after the direct upload, with the usual message", async ({ page, request }) => {
  await registerAndSignIn(page, request, "cloudbad");
  const dir = mkdtempSync(path.join(tmpdir(), "amr-e2e-"));
  const png = path.join(dir, "photo.fa");
  writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]));
  await page.getByLabel("Genome file").setInputFiles(png);
  await page.getByRole("button", { name: "Start analysis" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /FASTA|genome/i })).toContainText("not a FASTA");
  await expect(page).toHaveURL(/\/dashboard/);
  // The refused object was sent to the bucket, then deleted by the app: nothing is left under uploads/.
  const s3 = new S3Client({ endpoint: S3, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  const left = await s3.send(new ListObjectsV2Command({ Bucket: "amr-e2e", Prefix: "files/uploads/" }));
  expect(left.KeyCount ?? 0).toBe(0);
  s3.destroy();
});

test("the batch script uploads a folder straight to the bucket and gets the combined table", async ({ page, request, baseURL }) => {
  await registerAndSignIn(page, request, "cloudbatch");
  await page.goto("/account");
  await page.getByLabel("Token name").fill("batch");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token").textContent())!.trim();

  const work = mkdtempSync(path.join(tmpdir(), "amr-batch-s3-"));
  const dir = path.join(work, "genomes");
  mkdirSync(dir);
  for (const g of ["test_isolate_01.fa.gz", "test_isolate_02.fa"]) copyFileSync(path.join(path.dirname(ISOLATE), g), path.join(dir, g));
  const out = path.join(work, "results");
  const { stdout } = await promisify(execFile)("node_modules/.bin/tsx", ["scripts/batch-submit.ts", "--url", baseURL!, "--token", secret, "--dir", dir, "--out", out], { timeout: 120_000 });
  expect(stdout).toContain("2 of 2 genomes completed");
  const combined = readFileSync(path.join(out, "combined.tsv"), "utf8").trimEnd().split("\n").map((l) => l.split("\t"));
  const [header, ...rows] = combined;
  expect(rows.map((r) => r[0])).toEqual(["test_isolate_01", "test_isolate_02"]);
  expect(rows[0][header.indexOf("ampicillin")]).toBe("R");
  expect(rows[1][header.indexOf("cefotaxime")]).toBe("R");
  // They went through the bucket: the jobs' genomes sit under inputs/, nothing is left under uploads/.
  const s3 = new S3Client({ endpoint: S3, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  const jobs = (await (await request.get("/api/jobs", { headers: { authorization: `Bearer ${secret}` } })).json()).items as { id: string }[];
  expect(jobs).toHaveLength(2);
  const inputs = await s3.send(new ListObjectsV2Command({ Bucket: "amr-e2e", Prefix: "files/inputs/" }));
  for (const j of jobs) expect((inputs.Contents ?? []).some((o) => o.Key?.includes(j.id))).toBe(true);
  expect((await s3.send(new ListObjectsV2Command({ Bucket: "amr-e2e", Prefix: "files/uploads/" }))).KeyCount ?? 0).toBe(0);
  s3.destroy();
});
