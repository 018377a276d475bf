// The collection page's part of `npm run bench:api`: collections of 10, 100 and 1 000 completed
// genomes, seeded straight into the database and storage (synthetic results, seeded PRNG),
// then the time to the matrix JSON (cold: nothing cached on the server; warm: cached) and to
// the first rendered screen of /collections/:id in Chromium (the first heatmap row visible).
// Prints figures; asserts nothing.
import { randomUUID } from "node:crypto";
import { chromium } from "@playwright/test";
import type { AmrResult } from "@/lib/amr/types";
import { closeDb, createDb } from "@/lib/db";
import { jobFiles } from "@/lib/jobs/job-files";
import { LocalStorage } from "@/lib/storage/local-storage";

const SIZES = [10, 100, 1000];
const CLASSES = ["aminoglycoside", "beta-lactam", "colistin", "fosfomycin", "fusidic acid", "glycopeptide", "macrolide", "oxazolidinone", "phenicol", "quinolone", "rifampicin", "folate pathway antagonist", "tetracycline", "trimethoprim"];
// About 90 antibiotics and 60 genes over the classes, as the ResFinder catalogue has in shape.
const ANTIBIOTICS = CLASSES.flatMap((cls, c) => Array.from({ length: 6 + (c % 3) }, (_, i) => ({ name: `${cls.split(" ")[0]}-drug-${i + 1}`, cls })));
const GENES = CLASSES.flatMap((cls, c) => Array.from({ length: 4 + (c % 2) }, (_, i) => ({ gene: `${cls.slice(0, 3)}G${i + 1}`, cls })));

function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function syntheticResult(rand: () => number): AmrResult {
  const genes = GENES.filter(() => rand() < 0.08).map((g, i) => {
    const abs = ANTIBIOTICS.filter((a) => a.cls === g.cls && rand() < 0.6).map((a) => a.name);
    return { refId: `${g.gene}_1_X${i}`, gene: g.gene, accession: `X${i}`, class: g.cls, contig: "c1", start: 1000 * i + 1, end: 1000 * i + 800, strand: "+" as const, identity: 90 + Math.round(rand() * 100) / 10, coverage: 100, alignmentLength: 800, referenceLength: 800, antibiotics: abs };
  });
  return {
    model: "resfinder-genes",
    input: { contigs: 120, bases: 5_000_000 },
    genes,
    phenotypes: ANTIBIOTICS.map((a) => {
      const behind = genes.filter((g) => g.antibiotics.includes(a.name)).map((g) => g.refId);
      return { antibiotic: a.name, class: a.cls, phenotype: behind.length ? ("Resistant" as const) : ("No resistance detected" as const), genes: behind };
    }),
  };
}

async function seedCollection(dbUrl: string, storage: LocalStorage, userId: string, size: number, label: string, seed: number): Promise<string> {
  const db = createDb(dbUrl);
  const rand = prng(seed);
  const id = randomUUID();
  const now = Date.now();
  await db.collection.create({ data: { id, userId, name: `bench ${label} ${size}` } });
  for (let start = 0; start < size; start += 200) {
    const batch = Array.from({ length: Math.min(200, size - start) }, (_, i) => ({ jobId: randomUUID(), n: start + i }));
    for (const b of batch) {
      const folder = jobFiles.results(b.jobId, randomUUID());
      await storage.put(folder + "result.json", JSON.stringify(syntheticResult(rand)));
      (b as { folder?: string }).folder = folder;
    }
    await db.amrJob.createMany({
      data: batch.map((b) => ({ id: b.jobId, userId, jobName: `isolate ${String(b.n + 1).padStart(4, "0")}`, status: "Completed", progress: 100, createdAt: new Date(now - (size - b.n) * 1000), completedAt: new Date(now), resultFilePath: (b as { folder?: string }).folder })),
    });
    await db.collectionJob.createMany({ data: batch.map((b) => ({ collectionId: id, jobId: b.jobId })) });
  }
  await closeDb(db);
  return id;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${n.toFixed(0)} ms`;

export async function benchCollectionPage(opts: { dbUrl: string; storageDir: string; baseUrl: string; cookie: string; userId: string; chromiumPath: string }) {
  console.log("\n— collection page: matrix JSON and first rendered screen (Chromium), seeded completed genomes");
  const storage = new LocalStorage(opts.storageDir);
  const [cookieName, ...rest] = opts.cookie.split("=");
  const browser = await chromium.launch({ executablePath: opts.chromiumPath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    // Warm-up: the server's first render of the page (route compile, JIT) is not the collection's cost.
    const warmup = await seedCollection(opts.dbUrl, storage, opts.userId, 3, "warm-up", 1);
    const context = await browser.newContext();
    await context.addCookies([{ name: cookieName, value: rest.join("="), url: opts.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${opts.baseUrl}/collections/${warmup}`);
    await page.getByTestId("heatmap-row").first().waitFor({ state: "visible", timeout: 60_000 });
    await context.close();

    for (const size of SIZES) {
      // Two collections of the same size on different genomes: one for the JSON, one for the page, both cold.
      const forJson = await seedCollection(opts.dbUrl, storage, opts.userId, size, "json", size);
      const forPage = await seedCollection(opts.dbUrl, storage, opts.userId, size, "page", size + 7);
      const get = async (id: string) => {
        const t0 = performance.now();
        const res = await fetch(`${opts.baseUrl}/api/collections/${id}/matrix`, { headers: { cookie: opts.cookie } });
        const bytes = (await res.arrayBuffer()).byteLength;
        if (res.status !== 200) throw new Error(`matrix answered ${res.status}`);
        return { t: performance.now() - t0, bytes };
      };
      const cold = await get(forJson);
      const warmRuns: number[] = [];
      for (let i = 0; i < 5; i++) warmRuns.push((await get(forJson)).t);
      const warm = median(warmRuns);

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([{ name: cookieName, value: rest.join("="), url: opts.baseUrl }]);
      const page = await context.newPage();
      const screen = async () => {
        const t0 = performance.now();
        await page.goto(`${opts.baseUrl}/collections/${forPage}`);
        await page.getByTestId("heatmap-row").first().waitFor({ state: "visible", timeout: 60_000 });
        return performance.now() - t0;
      };
      const coldPage = await screen();
      const warmPage = median([await screen(), await screen(), await screen()]);
      const rendered = await page.getByTestId("heatmap-row").count();
      await context.close();
      console.log(
        `  ${String(size).padStart(5)} genomes: matrix JSON cold ${ms(cold.t)}, warm ${ms(warm)} (${(cold.bytes / 1024).toFixed(0)} KB); ` +
          `first screen cold ${ms(coldPage)}, warm ${ms(warmPage)} (${rendered} rows in the DOM)`,
      );
    }
  } finally {
    await browser.close();
  }
}
