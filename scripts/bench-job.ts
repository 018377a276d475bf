// `npm run bench:job [-- genome.fa.gz]`: wall time from upload to Completed for one genome through
// the real job path (multipart parse, validation, storage, claim, engine off-thread, results),
// on a throwaway database and storage directory. Prints figures; asserts nothing.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db";
import { createJob } from "@/lib/jobs/create-job";
import { getJob } from "@/lib/jobs/queries";
import { systemClock } from "@/lib/jobs/worker/clock";
import { workerThreadRunner } from "@/lib/jobs/worker/engine-runner";
import { startWorker } from "@/lib/jobs/worker/worker-loop";
import { LocalStorage } from "@/lib/storage/local-storage";
import { migrateFile } from "./lib/migrate-file";

const genome = process.argv[2] ?? path.resolve(import.meta.dirname, "bench/genomes/ecoli_O157_Sakai.fna.gz");
const runs = Number(process.env.RUNS ?? 3);

async function once(): Promise<{ uploadMs: number; totalMs: number; genes: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "amr-bench-job-"));
  migrateFile(path.join(dir, "bench.db"));
  const db = createDb(`file:${path.join(dir, "bench.db")}`);
  const storage = new LocalStorage(path.join(dir, "storage"));
  const user = await db.user.create({ data: { id: crypto.randomUUID(), username: "bench", passwordHash: "x" } });
  const form = new FormData();
  form.append("file", new Blob([readFileSync(genome)]), path.basename(genome));
  const t0 = performance.now();
  const job = await createJob(
    { db, storage, maxUploadBytes: 200 * 1024 * 1024, maxUncompressedBytes: 400 * 1024 * 1024, maxActiveJobsPerUser: 10 },
    user.id,
    new Request("http://localhost/api/jobs", { method: "POST", body: form }),
  );
  const uploadMs = performance.now() - t0;
  const worker = startWorker({
    db, storage, runner: workerThreadRunner, clock: systemClock, concurrency: 1, leaseMs: 30_000, maxAttempts: 1,
    pollMs: 5, reclaimEveryMs: 60_000, cancelPollMs: 1000, progressIntervalMs: 1000, log: () => undefined,
  });
  let row = await getJob(db, job.id);
  while (row && row.status !== "Completed" && row.status !== "Error") {
    await new Promise((r) => setTimeout(r, 5));
    row = await getJob(db, job.id);
  }
  const totalMs = performance.now() - t0;
  await worker.stop();
  if (row?.status !== "Completed") throw new Error(`job ended ${row?.status}: ${row?.error}`);
  const result = JSON.parse((await storage.getBuffer(`${row.resultFilePath}result.json`)).toString());
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
  return { uploadMs, totalMs, genes: result.genes.length };
}

const results = [];
for (let i = 0; i < runs; i++) results.push(await once());
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`genome: ${genome} (${(statSync(genome).size / 1e6).toFixed(2)} MB on disk)`);
console.log(`runs: ${runs}; genes called: ${results[0].genes}`);
console.log(`upload + validation + storage: median ${median(results.map((r) => r.uploadMs)).toFixed(0)} ms`);
console.log(`upload → Completed:            median ${median(results.map((r) => r.totalMs)).toFixed(0)} ms  (all: ${results.map((r) => r.totalMs.toFixed(0)).join(", ")})`);
