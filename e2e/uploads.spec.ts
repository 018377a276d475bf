import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { randomFasta, registerAndSignIn } from "./support";

// ResFinder's own small test isolates: real genomes, a few KB each.
const EXAMPLES = "/usr/share/doc/resfinder/examples/data";
const shots = "test-results/screenshots";

/** A sequencing-run folder: three genomes, one broken FASTA, and files that are not genomes. */
function runFolder(): string {
  const root = mkdtempSync(path.join(tmpdir(), "amr-e2e-run-"));
  const dir = path.join(root, "run7");
  mkdirSync(path.join(dir, "plates"), { recursive: true });
  copyFileSync(`${EXAMPLES}/test_isolate_01.fa.gz`, path.join(dir, "isolate_01.fa.gz"));
  copyFileSync(`${EXAMPLES}/test_isolate_02.fa`, path.join(dir, "isolate_02.fa"));
  copyFileSync(`${EXAMPLES}/test_isolate_03.fa.gz`, path.join(dir, "plates", "isolate_03.fa.gz"));
  writeFileSync(path.join(dir, "broken.fasta"), ">contig_1\nACGTACGTAC\nthis line is a note, not DNA\n");
  copyFileSync(`${EXAMPLES}/test_isolate_01_1.fq.gz`, path.join(dir, "reads_1.fq.gz"));
  writeFileSync(path.join(dir, "README.txt"), "Run 7, plates A-C\n");
  return dir;
}

test("a folder of genomes becomes one job per genome; the broken one is refused with its line and can be retried", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await registerAndSignIn(page, request, "folder");

  await page.getByLabel("Genome folder").setInputFiles(runFolder());
  await expect(page.getByTestId("chosen-count")).toHaveText(/^4 genomes/);
  await expect(page.getByTestId("skipped-note")).toHaveText("2 files skipped (not FASTA genomes): run7/README.txt, run7/reads_1.fq.gz");
  await expect(page.getByLabel(/Job name/)).toBeDisabled();
  await page.getByRole("button", { name: "Start 4 analyses" }).click();

  const queue = page.getByTestId("upload-queue");
  const items = queue.getByTestId("queue-item");
  await expect(items).toHaveCount(4);
  await expect(queue.locator('[data-testid="queue-item"][data-state="done"]')).toHaveCount(3);
  const broken = items.filter({ hasText: "run7/broken.fasta" });
  await expect(broken).toHaveAttribute("data-state", "failed");
  await expect(broken.getByRole("alert")).toHaveText(/^Line 3: /);
  await expect(broken).toContainText("Refused (422)");
  await expect(broken.getByRole("button", { name: "Retry run7/broken.fasta" })).toBeVisible();
  await expect(page.getByTestId("queue-summary")).toHaveText("3 of 4 queued as jobs · 1 refused");
  await page.getByTestId("upload-queue").screenshot({ path: `${shots}/upload-queue.png` });

  // Each genome is its own job, named after its file (less the extension); the dashboard stays put for a batch.
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("job-row")).toHaveCount(3);
  for (const name of ["isolate_01", "isolate_02", "isolate_03"]) {
    await expect(page.getByTestId("job-row").filter({ hasText: name })).toHaveCount(1);
  }
  await page.screenshot({ path: `${shots}/dashboard-batch.png`, fullPage: true });

  // Retrying sends the same file again and gets the same answer; nothing else changes.
  await broken.getByRole("button", { name: "Retry run7/broken.fasta" }).click();
  await expect(broken).toHaveAttribute("data-state", "failed");
  await expect(broken.getByRole("alert")).toHaveText(/^Line 3: /);
  await expect(page.getByTestId("job-row")).toHaveCount(3);

  // A finished file opens its job; "Clear finished" leaves only the refused one.
  await page.getByRole("button", { name: "Clear finished" }).click();
  await expect(items).toHaveCount(1);

  // Rows can be selected (all shown at once or one by one) for collection actions.
  await page.getByLabel("Select all jobs shown").check();
  await expect(page.getByTestId("selection-bar")).toContainText("3 selected");
  await page.getByLabel("Select isolate_02").uncheck();
  await expect(page.getByTestId("selection-bar")).toContainText("2 selected");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("upload-queue").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/upload-queue-mobile.png`, fullPage: true });
});

test("dropping files: genomes are taken, other files skipped with a note", async ({ page, request }) => {
  await registerAndSignIn(page, request, "drop");
  const dropped = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File([">c1\nACGTACGTACGT\n"], "tiny.fa"));
    data.items.add(new File([">c1\nACGTACGTACGT\n"], "tiny2.fna"));
    data.items.add(new File(["notes"], "notes.docx"));
    return data;
  });
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: dropped });
  await expect(page.getByTestId("chosen-count")).toHaveText(/^2 genomes/);
  await expect(page.getByTestId("skipped-note")).toHaveText("1 file skipped (not FASTA genomes): notes.docx");
});

test("three uploads at a time, each with its own progress; a waiting one can be cancelled", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await registerAndSignIn(page, request, "queue");
  const dir = mkdtempSync(path.join(tmpdir(), "amr-e2e-queue-"));
  const files = [1, 2, 3, 4, 5].map((i) => {
    const file = path.join(dir, `sample_${i}.fa`);
    writeFileSync(file, randomFasta(1_500_000, 1, i));
    return file;
  });
  // A slow link (1 MB/s up) so the queue can be watched while it sends.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
  await page.getByLabel("Genome files").setInputFiles(files);
  await page.getByRole("button", { name: "Start 5 analyses" }).click();

  const items = page.getByTestId("queue-item");
  const states = () => items.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")).join(","));
  await expect.poll(states).toBe("uploading,uploading,uploading,waiting,waiting");
  const bar = page.getByRole("progressbar", { name: "Upload progress of sample_1.fa" });
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 20_000 }).toBeGreaterThan(5);
  await page.getByRole("button", { name: "Cancel sample_5.fa" }).click();
  await expect(items.filter({ hasText: "sample_5.fa" })).toHaveAttribute("data-state", "cancelled");
  await page.getByTestId("upload-queue").screenshot({ path: `${shots}/upload-queue-progress.png` });

  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect.poll(states, { timeout: 30_000 }).toBe("done,done,done,done,cancelled");
  await expect(page.getByTestId("job-row")).toHaveCount(4);
  await expect(page.getByTestId("job-row").filter({ hasText: "sample_5" })).toHaveCount(0);
});

test("selected jobs are added to a collection through the members route, with the result said plainly", async ({ page, request }) => {
  await registerAndSignIn(page, request, "select");
  await page.getByLabel("Genome files").setInputFiles([`${EXAMPLES}/test_isolate_02.fa`, `${EXAMPLES}/test_isolate_05.fa.gz`]);
  await page.getByRole("button", { name: "Start 2 analyses" }).click();
  await expect(page.getByTestId("job-row")).toHaveCount(2);

  // The collections API is stubbed at the browser: this checks what the page sends and shows,
  // not the server (whose own tests cover it).
  const sent: unknown[] = [];
  await page.route("**/api/collections", (route) =>
    route.fulfill({ json: { collections: [{ id: "c1", name: "Week 12", createdAt: "", updatedAt: "", jobCount: 4 }] } }),
  );
  await page.route("**/api/collections/c1/members", (route) => {
    sent.push(route.request().postDataJSON());
    return route.fulfill({ json: { added: 1, removed: 0, jobCount: 6 } });
  });
  await page.reload();
  await page.getByLabel("Select all jobs shown").check();
  await page.getByRole("button", { name: "Add to collection…" }).click();
  await expect(page.getByLabel("Add 2 to")).toHaveValue("c1");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByTestId("selection-result")).toHaveText("Added 1 job to “Week 12” (1 already in it); it now holds 6 jobs. Open the collection");
  const ids = await page.getByTestId("job-row").getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!.split("/").pop()));
  expect(sent).toEqual([{ add: ids }]);
  await expect(page.getByLabel("Select all jobs shown")).not.toBeChecked();
});
