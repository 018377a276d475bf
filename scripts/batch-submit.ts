// Submits every genome in a folder to AMR Predictor, waits for them, downloads each result
// (json, genes.tsv, phenotypes.tsv) and writes combined.tsv (genome × antibiotic), genes.tsv
// (all hits) and failures.tsv. With --collection NAME the genomes also go into that collection
// (made if missing), whose matrix is downloaded at the end (collection.tsv, collection.xlsx).
// Exit code 1 when any genome failed. See docs/scripting.md.
//
//   npx tsx scripts/batch-submit.ts --url http://localhost:3000 --token amr_… --dir genomes/ --out results/ [--collection "Run 12"]
import { openAsBlob } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ApiError, apiClient, type ApiClient } from "./batch/api-client";
import { downloadMatrix, ensureCollection } from "./batch/collection";
import { combinedTable, failuresTable, GENOME_FILE, genomeName, type GenomePhenotypes } from "./batch/combined-table";

const TERMINAL = new Set(["Completed", "Error", "Cancelled", "Archived"]);
const FORMATS = ["json", "genes.tsv", "phenotypes.tsv"] as const;

interface Job {
  id: string;
  status: string;
  progress: number;
  error: string | null;
}
interface Failure {
  genome: string;
  stage: string;
  message: string;
}

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.AMR_URL ?? "http://localhost:3000" },
    token: { type: "string", default: process.env.AMR_TOKEN },
    dir: { type: "string" },
    out: { type: "string", default: "results" },
    "max-wait": { type: "string", default: "3600" },
    collection: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help || !values.dir || !values.token) {
  console.error("usage: npx tsx scripts/batch-submit.ts --dir GENOMES/ [--out results/] [--url http://localhost:3000] [--token amr_… | env AMR_TOKEN] [--max-wait seconds] [--collection NAME]");
  process.exit(values.help ? 0 : 2);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Uses whichever upload the server offers: straight to its object store (POST /api/uploads, then
 * a JSON confirm), or, where files live on the server's disk (404), multipart POST /api/jobs.
 */
async function submit(api: ApiClient, file: string, genome: string, collectionId?: string): Promise<Job> {
  const blob = await openAsBlob(file);
  const fileName = path.basename(file);
  const json = { "content-type": "application/json" };
  const offer = await api
    .json<{ uploadId: string; url: string; fields: Record<string, string> }>("/api/uploads", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ fileName, size: blob.size, collectionId }),
    })
    .catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    });
  if (!offer) {
    const form = new FormData();
    form.append("file", blob, fileName);
    form.append("jobName", genome);
    if (collectionId) form.append("collection_id", collectionId);
    return api.json<Job>("/api/jobs", { method: "POST", body: form });
  }
  const direct = new FormData();
  for (const [k, v] of Object.entries(offer.fields)) direct.append(k, v);
  direct.append("file", blob, fileName); // object stores want the file last
  const sent = await fetch(offer.url, { method: "POST", body: direct });
  if (!sent.ok) throw new ApiError(sent.status, `the file store refused ${fileName} (HTTP ${sent.status})`);
  return api.json<Job>("/api/jobs", { method: "POST", headers: json, body: JSON.stringify({ uploadId: offer.uploadId, fileName, jobName: genome, collectionId }) });
}

/** Polls every unfinished job, starting at 2 s and backing off to 15 s while nothing changes. */
async function waitAll(api: ApiClient, jobs: Map<string, Job>, maxWaitMs: number): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  let delay = 2000;
  while ([...jobs.values()].some((j) => !TERMINAL.has(j.status))) {
    if (Date.now() > deadline) return;
    await sleep(delay);
    let changed = false;
    for (const [genome, job] of jobs) {
      if (TERMINAL.has(job.status)) continue;
      let next: Job;
      try {
        next = await api.json<Job>(`/api/jobs/${job.id}`);
      } catch (err) {
        // A restart or a network blip must not abandon the batch: try again next round.
        console.error(`${genome}: poll failed (${message(err)}); retrying`);
        continue;
      }
      if (next.status !== job.status || next.progress !== job.progress) changed = true;
      if (next.status !== job.status) console.log(`${genome}: ${next.status}${next.error ? ` (${next.error})` : ""}`);
      jobs.set(genome, next);
    }
    delay = changed ? 2000 : Math.min(15_000, Math.round(delay * 1.5));
  }
}

async function main(): Promise<number> {
  const dir = path.resolve(values.dir!);
  const out = path.resolve(values.out!);
  const api = apiClient(values.url!, values.token!);
  const files = (await readdir(dir)).filter((f) => GENOME_FILE.test(f)).sort();
  if (files.length === 0) {
    console.error(`No *.fa, *.fasta, *.fna (optionally .gz) files in ${dir}`);
    return 2;
  }
  await mkdir(out, { recursive: true });
  const collection = values.collection ? await ensureCollection(api, values.collection) : null;
  if (collection) console.log(`collection "${collection.name}": ${collection.id}`);
  const failures: Failure[] = [];
  const jobs = new Map<string, Job>();
  for (const file of files) {
    const genome = genomeName(file);
    try {
      jobs.set(genome, await submit(api, path.join(dir, file), genome, collection?.id));
      console.log(`${genome}: submitted`);
    } catch (err) {
      failures.push({ genome, stage: "upload", message: message(err) });
      console.error(`${genome}: upload failed: ${message(err)}`);
    }
  }

  await waitAll(api, jobs, Number(values["max-wait"]) * 1000);

  const done: GenomePhenotypes[] = [];
  const genes: string[] = [];
  for (const [genome, job] of jobs) {
    if (job.status !== "Completed" && job.status !== "Archived") {
      failures.push({ genome, stage: TERMINAL.has(job.status) ? "run" : "timeout", message: job.error ?? `job ${job.id} is ${job.status}` });
      continue;
    }
    try {
      const folder = path.join(out, genome);
      await mkdir(folder, { recursive: true });
      const bodies: Record<string, string> = {};
      for (const format of FORMATS) {
        bodies[format] = await (await api.request(`/api/jobs/${job.id}/results?format=${format}`)).text();
        await writeFile(path.join(folder, format === "json" ? "result.json" : format), bodies[format]);
      }
      const result = JSON.parse(bodies.json) as { phenotypes: GenomePhenotypes["phenotypes"] };
      done.push({ genome, phenotypes: result.phenotypes });
      // Every TSV row starts with the sample name, so the tables concatenate under one header.
      const [header, ...rows] = bodies["genes.tsv"].trimEnd().split("\n");
      if (genes.length === 0) genes.push(header);
      genes.push(...rows);
    } catch (err) {
      failures.push({ genome, stage: "download", message: message(err) });
    }
  }

  await writeFile(path.join(out, "combined.tsv"), combinedTable(done));
  await writeFile(path.join(out, "genes.tsv"), genes.length ? genes.join("\n") + "\n" : "");
  await writeFile(path.join(out, "failures.tsv"), failuresTable(failures));
  if (collection) {
    try {
      const files = await downloadMatrix(api, collection.id, out);
      console.log(`collection matrix: ${files.map((f) => path.basename(f)).join(", ")}`);
    } catch (err) {
      console.error(`collection matrix download failed: ${message(err)}`);
    }
  }
  console.log(`${done.length} of ${files.length} genomes completed; results in ${out}${failures.length ? `; ${failures.length} failed (failures.tsv)` : ""}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(message(err));
    process.exit(1);
  },
);
