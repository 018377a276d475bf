// `npm run bench:load` (LD2): 200 users polling their job every 2 s (open loop) on a production
// server while five 100 MB genomes upload at once and the worker runs 2 engine jobs. Prints the
// poll percentiles, the server's peak resident memory (and with the engine's child processes),
// and the event-loop delay measured inside the server. Figures only; asserts nothing.
// Env: BENCH_SECONDS (60, the loaded phase; polling alone gets a third of it first),
// BENCH_PORT (3350), BENCH_UPLOAD_MB (100). Builds the app first when missing or stale.
import { openAsBlob, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ensureBuild } from "./lib/ensure-build";
import { writeBigGenome } from "./bench/big-genome";
import {
  busyPercentSince, cookieFor, cpuSample, describeErrors, eventLoopDelay, fmt, freshDatabase, makeAdmin, pct, peakRssMb, poll,
  pollTargets, root, rssMb, serverEnv, sleep, startServer, treeRssMb, type DriverResult, type Server,
} from "./bench/harness";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const PORT = Number(process.env.BENCH_PORT ?? 3350);
const UPLOAD_BYTES = Number(process.env.BENCH_UPLOAD_MB ?? 100) * 1_000_000;
const ECOLI = path.join(root, "scripts", "bench", "genomes", "ecoli_O157_Sakai.fna.gz");
const dir = path.join(root, "data", "bench-load");

async function upload(cookie: string, blob: Blob, name: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  const form = new FormData();
  form.append("file", blob, name);
  try {
    const res = await fetch(`http://127.0.0.1:${PORT}/api/jobs`, { method: "POST", body: form, headers: { cookie } });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t0 };
  } catch {
    return { status: 0, ms: performance.now() - t0 };
  }
}

function reportPoll(label: string, r: DriverResult) {
  console.log(
    `  ${label.padEnd(22)} n=${String(r.latencies.length).padStart(5)}  p50 ${fmt(pct(r.latencies, 50))}  p95 ${fmt(pct(r.latencies, 95))}  ` +
      `p99 ${fmt(pct(r.latencies, 99))} ms  errors: ${describeErrors(r.errorStatuses)}`,
  );
}

async function main() {
  ensureBuild(root, (m) => console.log(`[bench] ${m}`));
  const { file, seeded } = freshDatabase(dir, { users: 1000, jobs: 20_000 });
  const big = writeBigGenome(path.join(root, "data", `bench-genome-${UPLOAD_BYTES}.fa`), UPLOAD_BYTES);
  makeAdmin(file, seeded.users[0].id);
  const adminCookie = await cookieFor(seeded.users[0].id);
  const uploaderCookie = await cookieFor(seeded.users[1].id);
  const pollers = await pollTargets(file, seeded.pollJobs.slice(1, 201));
  let server: Server | undefined;
  try {
    server = await startServer(PORT, serverEnv(dir, file, PORT, { WORKER_CONCURRENCY: "2" }));
    const pid = server.process.pid!;
    console.log(`LD2 uploads and engine jobs during polling: production server on SQLite, ${pollers.length} polling users, worker concurrency 2`);
    await poll(PORT, pollers.slice(0, 20), 3000, 200); // warm-up
    await eventLoopDelay(PORT, adminCookie);

    console.log(`\n— polling alone, ${Math.round(SECONDS / 3)} s`);
    let cpu = cpuSample();
    reportPoll("GET /api/jobs/:id", await poll(PORT, pollers, (SECONDS / 3) * 1000));
    let loop = await eventLoopDelay(PORT, adminCookie);
    console.log(`  server event-loop delay: p50 ${loop?.p50} p99 ${loop?.p99} max ${loop?.max} ms;  machine CPU ${busyPercentSince(cpu)}% busy`);

    console.log(`\n— polling + five ${UPLOAD_BYTES / 1e6} MB uploads at once + 2 engine jobs running, ${SECONDS} s`);
    const ecoli = new Blob([readFileSync(ECOLI)]);
    const readonly = new Database(file, { readonly: true });
    const countOf = (status: string) => (readonly.prepare("SELECT count(*) AS n FROM amr_jobs WHERE status = ?").get(status) as { n: number }).n;
    const running = () => countOf("Processing");
    const completedBefore = countOf("Completed");
    // The engine is fast once its catalog is cached (seconds per genome), so a genome is queued
    // whenever fewer than two wait: both worker slots stay busy for the whole phase.
    let feeding = true;
    let fed = 0;
    const feeder = (async () => {
      while (feeding) {
        if (countOf("Submitted") < 2) {
          const r = await upload(uploaderCookie, ecoli, `ecoli-${++fed}.fna.gz`);
          if (r.status !== 201) throw new Error(`engine job upload answered ${r.status}`);
        } else await sleep(100);
      }
    })();
    const samples = { rss: 0, tree: 0, runningMin: Infinity, runningMax: 0 };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        samples.rss = Math.max(samples.rss, rssMb(pid));
        samples.tree = Math.max(samples.tree, treeRssMb(pid));
        const n = running();
        samples.runningMin = Math.min(samples.runningMin, n);
        samples.runningMax = Math.max(samples.runningMax, n);
        await sleep(250);
      }
    })();
    await sleep(2000); // both worker slots busy before the phase starts
    samples.runningMin = Infinity;
    cpu = cpuSample();
    await eventLoopDelay(PORT, adminCookie);
    const bigBlob = await openAsBlob(big);
    const [polls, uploads] = await Promise.all([
      poll(PORT, pollers, SECONDS * 1000),
      (async () => {
        await sleep(2000);
        return Promise.all([1, 2, 3, 4, 5].map((n) => upload(uploaderCookie, bigBlob, `big-${n}.fa`)));
      })(),
    ]);
    loop = await eventLoopDelay(PORT, adminCookie);
    const busy = busyPercentSince(cpu);
    sampling = false;
    feeding = false;
    await Promise.all([sampler, feeder]);
    const completed = countOf("Completed") - completedBefore;
    readonly.close();
    reportPoll("GET /api/jobs/:id", polls);
    console.log(`  uploads: ${uploads.map((u) => `${u.status} in ${fmt(u.ms / 1000)} s`).join(", ")}`);
    console.log(`  engine jobs running during the phase: ${samples.runningMin}–${samples.runningMax} (sampled every 250 ms); genomes analysed meanwhile: ${completed} (each also a 1.7 MB upload the server checked: ${fmt(completed / SECONDS)}/s besides the five)`);
    console.log(`  server event-loop delay: p50 ${loop?.p50} p99 ${loop?.p99} max ${loop?.max} ms;  machine CPU ${busy}% busy`);
    console.log(
      `  server RSS: peak ${fmt(Math.max(samples.rss, peakRssMb(pid)), 0)} MB (sampled every 250 ms and VmHWM); ` +
        `with the engine's child processes: peak ${fmt(samples.tree, 0)} MB`,
    );
    console.log("\nLD2 targets: poll p95 ≤ 15 ms, RSS ≤ 1.5 GB, event-loop delay p99 ≤ 20 ms.");
  } finally {
    await server?.stop();
  }
}

await main();
