// `npm run soak [-- --minutes N]` (LD4; default 60 minutes): a production server on a fresh SQLite
// database under 200 users polling every 2 s, a genome uploaded every 30 s (the in-process worker
// runs 2 jobs at a time), and a maintenance run (the cron route) every 5 minutes, archiving the
// soak's own jobs as they age (RETENTION_ARCHIVE_AFTER_DAYS=0.01, about 15 minutes). Every
// window (60 s) it prints one row: polls, errors, WAL size, server RSS, event-loop delay, jobs.
// At the end, a summary to paste into a report: RSS trend (MB per hour, least squares), WAL
// peak, false lease expiries (the worker never dies here, so any lease that expired was false),
// and every error. Figures only; asserts nothing.
// Options: --minutes N (60)  --window-seconds N (60)  --maintenance-minutes N (5)
// --upload-seconds N (30)  --port N (3360). Builds the app first when missing or stale.
import { closeSync, openSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { ensureBuild } from "./lib/ensure-build";
import {
  cookieFor, CRON_SECRET, describeErrors, eventLoopDelay, fmt, freshDatabase, makeAdmin, pct, poll, pollTargets, root, rssMb,
  serverEnv, sleep, startServer, treeRssMb, type Server,
} from "./bench/harness";

const { values: opt } = parseArgs({
  options: {
    minutes: { type: "string", default: "60" },
    "window-seconds": { type: "string", default: "60" },
    "maintenance-minutes": { type: "string", default: "5" },
    "upload-seconds": { type: "string", default: "30" },
    port: { type: "string", default: "3360" },
  },
});
const MINUTES = Number(opt.minutes);
const WINDOW_MS = Number(opt["window-seconds"]) * 1000;
const MAINTENANCE_MS = Number(opt["maintenance-minutes"]) * 60_000;
const UPLOAD_MS = Number(opt["upload-seconds"]) * 1000;
const PORT = Number(opt.port);
for (const [name, v] of Object.entries({ MINUTES, WINDOW_MS, MAINTENANCE_MS, UPLOAD_MS, PORT })) {
  if (!(v > 0)) throw new Error(`${name.toLowerCase()} must be a positive number`);
}
const GENOMES = ["ecoli_O157_Sakai.fna.gz", "sepidermidis_ST14_draft.fa.gz"].map((g) => path.join(root, "scripts", "bench", "genomes", g));
const MAX_QUEUED = 4; // uploads pause while this many jobs wait, so the queue stays bounded
const dir = path.join(root, "data", "soak");
const MB = 1024 * 1024;
// The soak's own jobs, told apart from the seeded history by name.
const SOAK_JOB = "soak upload";

interface Sample {
  minute: number;
  polls: number;
  p50: number;
  p95: number;
  p99: number;
  pollErrors: Record<string, number>;
  walMb: number;
  rssMb: number;
  treeMb: number;
  loopP99: number | null;
  jobs: Record<string, number>;
}

const counts = { uploads: 0, uploadErrors: {} as Record<string, number>, maintenance: 0, maintenanceErrors: {} as Record<string, number>, lastMaintenance: "" };
const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

async function uploadLoop(cookie: () => string, jobCounts: () => Record<string, number>, until: number) {
  for (let i = 0; Date.now() < until; i++) {
    const started = Date.now();
    if ((jobCounts().Submitted ?? 0) < MAX_QUEUED) {
      const form = new FormData();
      const genome = GENOMES[i % GENOMES.length];
      form.append("file", new Blob([readFileSync(genome)]), path.basename(genome));
      form.append("jobName", `${SOAK_JOB} ${i}`);
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/api/jobs`, { method: "POST", body: form, headers: { cookie: cookie() } });
        await res.arrayBuffer();
        if (res.status === 201) counts.uploads++;
        else bump(counts.uploadErrors, String(res.status));
      } catch {
        bump(counts.uploadErrors, "no answer");
      }
    }
    await sleep(Math.max(0, Math.min(UPLOAD_MS - (Date.now() - started), until - Date.now())));
  }
}

async function maintenanceLoop(until: number) {
  while (Date.now() + MAINTENANCE_MS < until) {
    await sleep(MAINTENANCE_MS);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/cron/maintenance`, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
      const body = (await res.json()) as Record<string, unknown>;
      if (res.status === 200) {
        counts.maintenance++;
        const { archived, purged, failedStale, orphansRemoved, missingFiles, durationMs, skipped } = body;
        counts.lastMaintenance = JSON.stringify({ archived, purged, failedStale, orphansRemoved, missingFiles, durationMs, skipped });
      } else bump(counts.maintenanceErrors, String(res.status));
    } catch {
      bump(counts.maintenanceErrors, "no answer");
    }
  }
}

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return den ? num / den : NaN;
}

const fileMb = (f: string) => {
  try {
    return statSync(f).size / MB;
  } catch {
    return 0;
  }
};

async function main() {
  ensureBuild(root, (m) => console.log(`[soak] ${m}`));
  const { file, seeded } = freshDatabase(dir, { users: 300, jobs: 3000 });
  makeAdmin(file, seeded.users[0].id);
  // Sessions end after SESSION_IDLE_MINUTES (30) unless the client takes the cookie the server
  // re-issues, as a browser does. The soak's clients do the same: fresh cookies every few minutes.
  const mint = async () => ({
    admin: await cookieFor(seeded.users[0].id),
    uploader: await cookieFor(seeded.users[1].id),
    pollers: await pollTargets(file, seeded.pollJobs.slice(1, 201)),
  });
  let cookies = await mint();
  let mintedAt = Date.now();
  const logFile = path.join(dir, "server.log");
  const logFd = openSync(logFile, "a");
  let server: Server | undefined;
  const readonly = new Database(file, { readonly: true });
  const byStatus = readonly.prepare("SELECT status, count(*) AS n FROM amr_jobs WHERE job_name LIKE ? GROUP BY status");
  const jobCounts = () => Object.fromEntries((byStatus.all(`${SOAK_JOB} %`) as { status: string; n: number }[]).map((r) => [r.status, r.n]));
  try {
    server = await startServer(
      PORT,
      serverEnv(dir, file, PORT, { WORKER_CONCURRENCY: "2", RETENTION_ARCHIVE_AFTER_DAYS: "0.01", METRICS_TOKEN: "soak-metrics-token-0123456789" }),
      logFd,
    );
    const pid = server.process.pid!;
    const t0 = Date.now();
    const until = t0 + MINUTES * 60_000;
    console.log(`LD4 soak: ${MINUTES} min, production server on SQLite (${path.relative(root, file)}), ${cookies.pollers.length} users polling every 2 s,`);
    console.log(`  a genome uploaded every ${UPLOAD_MS / 1000} s (worker concurrency 2), maintenance every ${MAINTENANCE_MS / 60_000} min; server log: ${path.relative(root, logFile)}`);
    await eventLoopDelay(PORT, cookies.admin);
    const background = Promise.all([uploadLoop(() => cookies.uploader, jobCounts, until), maintenanceLoop(until)]);
    console.log("\n  min   polls  p50 ms  p95 ms  p99 ms  poll errors        WAL MB  RSS MB  +engine MB  loop p99 ms  soak jobs queued/running/completed/error/archived");
    const samples: Sample[] = [];
    const allLatencies: number[] = [];
    const allErrors: Record<string, number> = {};
    while (Date.now() < until) {
      if (Date.now() - mintedAt > 10 * 60_000) {
        cookies = await mint();
        mintedAt = Date.now();
      }
      const r = await poll(PORT, cookies.pollers, Math.min(WINDOW_MS, until - Date.now()));
      allLatencies.push(...r.latencies);
      for (const [k, n] of Object.entries(r.errorStatuses)) allErrors[k] = (allErrors[k] ?? 0) + n;
      const jobs = jobCounts();
      const loop = await eventLoopDelay(PORT, cookies.admin).catch(() => null);
      const s: Sample = {
        minute: (Date.now() - t0) / 60_000,
        polls: r.latencies.length,
        p50: pct(r.latencies, 50),
        p95: pct(r.latencies, 95),
        p99: pct(r.latencies, 99),
        pollErrors: r.errorStatuses,
        walMb: fileMb(`${file}-wal`),
        rssMb: rssMb(pid),
        treeMb: treeRssMb(pid),
        loopP99: loop?.p99 ?? null,
        jobs,
      };
      samples.push(s);
      const j = (k: string) => jobs[k] ?? 0;
      console.log(
        `  ${fmt(s.minute, 1).padStart(4)}  ${String(s.polls).padStart(6)}  ${fmt(s.p50).padStart(6)}  ${fmt(s.p95).padStart(6)}  ${fmt(s.p99).padStart(6)}  ` +
          `${describeErrors(s.pollErrors).padEnd(17)}  ${fmt(s.walMb, 1).padStart(6)}  ${fmt(s.rssMb, 0).padStart(6)}  ${fmt(s.treeMb, 0).padStart(10)}  ` +
          `${fmt(s.loopP99 ?? NaN).padStart(11)}  ${j("Submitted")}/${j("Processing")}/${j("Completed")}/${j("Error")}/${j("Archived")}`,
      );
    }
    await background;
    const final = jobCounts();
    const reclaimedLines = readFileSync(logFile, "utf8").split("\n").filter((l) => l.includes("lease expired")).length;
    const claimedTwice = readonly.prepare("SELECT count(*) FROM amr_jobs WHERE attempts > 1 OR error LIKE '%stopped responding%'").pluck().get() as number;
    const serverErrors = readFileSync(logFile, "utf8").split("\n").filter((l) => /\[error\]|Error:|unhandled/i.test(l)).length;
    // The first window holds start-up growth (caches, the engine catalog): the trend is fitted after it.
    const steady = samples.length > 2 ? samples.slice(1) : samples;
    const rssSlope = slope(steady.map((s) => s.minute / 60), steady.map((s) => s.rssMb));
    const loopP99s = samples.map((s) => s.loopP99).filter((x): x is number => x !== null);
    const pollErrorCount = Object.values(allErrors).reduce((a, b) => a + b, 0);
    const by = (re: RegExp) => Object.entries(allErrors).filter(([k]) => re.test(k)).reduce((a, [, n]) => a + n, 0);
    console.log(`
LD4 soak summary (${MINUTES} min; ${samples.length} windows of ${WINDOW_MS / 1000} s)
  polls:            ${allLatencies.length} (p50 ${fmt(pct(allLatencies, 50))}, p95 ${fmt(pct(allLatencies, 95))}, p99 ${fmt(pct(allLatencies, 99))} ms); worst window p95 ${fmt(Math.max(...samples.map((s) => s.p95)))} ms
  poll errors:      ${pollErrorCount} (4xx ${by(/^4/)}, 5xx ${by(/^5/)}, no answer ${allErrors["0"] ?? 0})${pollErrorCount ? ` — ${describeErrors(allErrors)}` : ""}
  WAL:              peak ${fmt(Math.max(...samples.map((s) => s.walMb)), 1)} MB, at the end ${fmt(samples.at(-1)?.walMb ?? NaN, 1)} MB (target ≤ 64 MB)
  server RSS:       first ${fmt(samples[0]?.rssMb ?? NaN, 0)} MB, last ${fmt(samples.at(-1)?.rssMb ?? NaN, 0)} MB, peak ${fmt(Math.max(...samples.map((s) => s.rssMb)), 0)} MB; trend ${fmt(rssSlope, 1)} MB/h (least squares over minutes ${fmt(steady[0]?.minute ?? NaN, 1)}–${fmt(steady.at(-1)?.minute ?? NaN, 1)})
  with the engine:  peak ${fmt(Math.max(...samples.map((s) => s.treeMb)), 0)} MB (server plus its engine child processes)
  event-loop delay: p99 per window: median ${fmt(pct(loopP99s, 50))}, worst ${fmt(Math.max(...loopP99s))} ms
  soak jobs:        ${counts.uploads} uploaded${Object.keys(counts.uploadErrors).length ? ` (refused: ${describeErrors(counts.uploadErrors)})` : ""}; at the end by status ${JSON.stringify(final)}
  false lease expiries: ${reclaimedLines} ("lease expired" in the server log), jobs claimed more than once: ${claimedTwice}
  maintenance:      ${counts.maintenance} runs${Object.keys(counts.maintenanceErrors).length ? `, failed: ${describeErrors(counts.maintenanceErrors)}` : ""}; last ${counts.lastMaintenance || "—"}
  server log:       ${serverErrors} error lines (${path.relative(root, logFile)})`);
  } finally {
    readonly.close();
    await server?.stop();
    closeSync(logFd);
  }
}

await main();
