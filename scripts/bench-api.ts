// `npm run bench:api`: seeds 1 000 users and 1 000 000 jobs, starts the production server, and
// drives it from separate processes on loopback. Prints figures and ratios; asserts nothing.
// `--db postgres`: the same data in a fresh PostgreSQL database (dropped at the end), served by
// TWO production servers on one database (WORKER_ENABLED=false, as web servers of a several-
// machine deployment), with the realistic polling spread over both and a standalone worker
// process (scripts/worker.ts) running the engine jobs.
// Options: --db sqlite|postgres (sqlite)  --jobs N (BENCH_JOBS, 1000000)  --only collections (the
// collection page alone: matrix JSON and first screen for 10, 100 and 1 000 genomes).
// Env: BENCH_SECONDS (20), BENCH_PORT (3300; PostgreSQL also uses the next port),
// BENCH_PG_URL, else TEST_DATABASE_URL, else postgresql://amr:amr@127.0.0.1:5432/postgres (an
// admin URL: the role needs CREATEDB). Builds the app and the engine bundle first if they are
// missing or older than their sources.
import { spawn, fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb, createDb } from "@/lib/db";
import { encodeCursor } from "@/lib/pagination/keyset";
import { ensureBuild } from "./lib/ensure-build";
import { migrateFile } from "./lib/migrate-file";
import { createScratchDatabase } from "./lib/migrate-postgres";
import { benchCollectionPage } from "./bench/collection-page";
import { seed, seedPostgres, type SeedResult } from "./bench/seed";

const { values: opt } = parseArgs({ options: { db: { type: "string", default: "sqlite" }, jobs: { type: "string" }, only: { type: "string" } } });
if (opt.only !== undefined && opt.only !== "collections") throw new Error("--only takes: collections");
if (opt.db !== "sqlite" && opt.db !== "postgres") throw new Error("--db must be sqlite or postgres");
const POSTGRES = opt.db === "postgres";
const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3300);
// Two web servers on PostgreSQL (the several-machines shape); SQLite is one machine, one server.
const PORTS = POSTGRES ? [PORT, PORT + 1] : [PORT];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
// The collection page alone needs no million-job history around it.
const JOBS = Number(opt.jobs ?? process.env.BENCH_JOBS ?? (opt.only ? 2000 : 1_000_000));
const SECRET = "bench-secret-bench-secret-bench-secret-42";
const ECOLI = process.env.BENCH_GENOME ?? path.resolve(root, "scripts/bench/genomes/ecoli_O157_Sakai.fna.gz");
const ADMIN_URL = process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://amr:amr@127.0.0.1:5432/postgres";
// PostgreSQL keeps only its storage here: the SQLite bench database stays for the dev probes
// (scripts/bench/probe.ts, cpuprof.ts) that open data/bench/bench.db.
const dir = path.join(root, "data", POSTGRES ? "bench-postgres" : "bench");
const sqliteUrl = `file:${path.join(dir, "bench.db")}`;

const baseEnv = {
  ...process.env,
  NODE_ENV: "production" as const,
  STORAGE_DIR: path.join(dir, "storage"),
  STORAGE_URL: "", // the local directory above even if the shell points at a bucket ("" is unset)
  NEXTAUTH_SECRET: SECRET,
  NEXTAUTH_URL: `http://localhost:${PORT}`,
  CRON_SECRET: "bench-cron-secret-0123456789",
  WORKER_CONCURRENCY: "2",
  MAX_ACTIVE_JOBS_PER_USER: "1000",
  SCHEDULER_ENABLED: "false",
  NEXT_TELEMETRY_DISABLED: "1",
};
Object.assign(process.env, { NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: baseEnv.NEXTAUTH_URL });

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const f = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : "—");

interface DriverResult {
  latencies: number[];
  errors: number;
  errorStatuses: Record<string, number>;
  sent: number;
  seconds: number;
}

function drive(cfg: object, port = PORTS[0]): Promise<DriverResult & { cpuBusy: number }> {
  const from = cpuSample();
  return new Promise((resolve, reject) => {
    const child = fork(path.join(root, "scripts", "bench", "load-driver.mjs"), [JSON.stringify({ port, ...cfg })]);
    child.once("message", (m) => resolve({ ...(m as DriverResult), cpuBusy: busySince(from) }));
    child.once("error", reject);
  });
}

type Target = { path: string; headers?: Record<string, string> };

/** Two driver processes, each on its own server when there are two: the polling users are spread evenly. */
async function driveSplit(cfg: { targets: Target[] } & Record<string, unknown>, processes = 2) {
  const parts = Array.from({ length: processes }, (_, i) => cfg.targets.filter((_, j) => j % processes === i));
  const results = await Promise.all(parts.map((targets, i) => drive({ ...cfg, targets }, PORTS[i % PORTS.length])));
  return merge(results);
}

/** A closed loop of `connections`, shared out over the servers. */
async function driveClosed(connections: number, durationMs: number, targets: Target[]) {
  const share = (i: number) => Math.floor(connections / PORTS.length) + (i < connections % PORTS.length ? 1 : 0);
  const mine = (i: number) => (targets.length >= PORTS.length ? targets.filter((_, j) => j % PORTS.length === i) : targets);
  return merge(await Promise.all(PORTS.map((port, i) => drive({ mode: "closed", connections: share(i), durationMs, targets: mine(i) }, port))));
}

function merge(results: (DriverResult & { cpuBusy: number })[]): DriverResult & { cpuBusy: number } {
  return {
    cpuBusy: Math.max(...results.map((r) => r.cpuBusy)),
    latencies: results.flatMap((r) => r.latencies),
    errors: results.reduce((a, r) => a + r.errors, 0),
    errorStatuses: results.reduce<Record<string, number>>((acc, r) => {
      for (const [k, n] of Object.entries(r.errorStatuses)) acc[k] = (acc[k] ?? 0) + n;
      return acc;
    }, {}),
    sent: results.reduce((a, r) => a + r.sent, 0),
    seconds: Math.max(...results.map((r) => r.seconds)),
  };
}

/**
 * /proc/stat samples; busySince(sample) is the whole machine's CPU use since, bench processes
 * included. On a shared 2-core machine it tells a figure measured alone from one measured next
 * to someone's build.
 */
function cpuSample(): { busy: number; total: number } {
  if (!existsSync("/proc/stat")) return { busy: 0, total: 0 };
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  return { busy: total - idle - iowait, total };
}
const busySince = (from: ReturnType<typeof cpuSample>) => {
  const now = cpuSample();
  return now.total > from.total ? Math.round((100 * (now.busy - from.busy)) / (now.total - from.total)) : NaN;
};

function report(name: string, r: DriverResult & { cpuBusy?: number }) {
  console.log(
    `${name.padEnd(44)} n=${String(r.latencies.length).padStart(6)}  ${f(r.latencies.length / r.seconds).padStart(7)} req/s  ` +
      `p50 ${f(pct(r.latencies, 50))}  p95 ${f(pct(r.latencies, 95))}  p99 ${f(pct(r.latencies, 99))} ms  errors ${r.errors}` +
      (r.errors ? ` (${Object.entries(r.errorStatuses).map(([status, n]) => `${status === "0" ? "no answer" : status}×${n}`).join(", ")})` : "") +
      (r.cpuBusy !== undefined ? `  [machine CPU ${r.cpuBusy}% busy]` : ""),
  );
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function waitForServer(port: number, server: ChildProcess) {
  let last = "no answer";
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`the server on port ${port} exited (${server.exitCode})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server on port ${port} did not become healthy (last answer: ${last})`);
}

function start(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

async function main() {
  ensureBuild(root, (m) => console.log(`[bench] ${m}`));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const database = POSTGRES ? await createScratchDatabase(ADMIN_URL, "amr_bench_api") : null;
  // Once: a Ctrl-C and the run it interrupts both drop it.
  let dropping: Promise<void> | null = null;
  const drop = () => (dropping ??= database ? database.drop() : Promise.resolve());
  const processes: ChildProcess[] = [];
  if (database) {
    // Ctrl-C: the servers and worker die with the terminal's process group; the database must be
    // dropped. `on`, not `once`: under tsx the signal arrives twice (from the terminal and relayed
    // by tsx), and the second must not end the process half way through.
    let interrupted = false;
    process.on("SIGINT", () => {
      if (interrupted) return;
      interrupted = true;
      void Promise.all(processes.map(stop)).finally(() => drop().finally(() => process.exit(130)));
    });
  }
  try {
    const opts = { users: 1000, jobs: JOBS, heavyJobs: 10_000 };
    const url = database?.url ?? sqliteUrl;
    if (!database) migrateFile(path.join(dir, "bench.db"));
    const s = database ? await seedPostgres(url, opts) : seed(path.join(dir, "bench.db"), opts);
    console.log(
      `${POSTGRES ? "PostgreSQL" : "SQLite"}: seeded ${s.users.length} users and ${s.jobs.toLocaleString()} jobs in ${s.seconds.toFixed(1)} s` +
        (JOBS !== 1_000_000 ? ` (not the standard 1 000 000: figures are not comparable with full runs)` : ""),
    );
    await runBench(url, s, processes);
  } finally {
    await Promise.all(processes.map(stop));
    await drop();
  }
}

async function runBench(url: string, s: SeedResult, processes: ChildProcess[]) {
  // Admin for the metrics endpoint (event-loop delay); sessions are real signed cookies.
  const db = createDb(url);
  await db.user.update({ where: { id: s.users[1].id }, data: { role: "admin" } });
  // Each polling user owns the job it polls (the seed gives the newest jobs round-robin).
  const pollIds = s.pollJobs.slice(1, 201);
  const owners = new Map((await db.amrJob.findMany({ where: { id: { in: pollIds } }, select: { id: true, userId: true } })).map((j) => [j.id, j.userId]));
  await closeDb(db);

  const { encodeSessionToken } = await import("@/lib/auth/session-token");
  const { sessionCookieName } = await import("@/lib/auth/session-config");
  const cookieFor = async (id: string) =>
    `${sessionCookieName()}=${await encodeSessionToken({ sub: id, sv: 0, authTime: Math.floor(Date.now() / 1000) })}`;

  // DATABASE_URL "" (unset): a PostgreSQL URL in the shell must not take the SQLite run over.
  const dbEnv = POSTGRES ? { DATABASE_URL: url, WORKER_ENABLED: "false" } : { DATABASE_FILE: url, DATABASE_URL: "" };
  const servers = PORTS.map((port) => start(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], { ...baseEnv, ...dbEnv }));
  processes.push(...servers);
  // PostgreSQL: the engine runs in a worker process of its own, as on a several-machine deployment.
  if (POSTGRES) processes.push(start(process.execPath, ["--import", "tsx", path.join(root, "scripts", "worker.ts")], { ...baseEnv, ...dbEnv }));
  await Promise.all(PORTS.map((port, i) => waitForServer(port, servers[i])));

  const collectionPage = () =>
    cookieFor(s.users[2].id).then((cookie) =>
      benchCollectionPage({ dbUrl: url, storageDir: baseEnv.STORAGE_DIR, baseUrl: `http://localhost:${PORTS[0]}`, cookie, userId: s.users[2].id, chromiumPath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" }),
    );
  if (opt.only === "collections") return collectionPage();

  const pollers = await Promise.all(pollIds.map(async (id) => ({ path: `/api/jobs/${id}`, headers: { cookie: await cookieFor(owners.get(id)!) } })));
  const adminCookie = await cookieFor(s.users[1].id);
  const loopDelay = async () =>
    Promise.all(
      PORTS.map(async (port) => {
        const res = await fetch(`http://127.0.0.1:${port}/api/admin/metrics`, { headers: { cookie: adminCookie } });
        const body = (await res.json()) as { process?: { eventLoopDelayMs?: { p50: number; p99: number; max: number } } };
        return body.process?.eventLoopDelayMs;
      }),
    );
  const showLoop = (d: Awaited<ReturnType<typeof loopDelay>>) => d.map((x) => JSON.stringify(x)).join(" / ");

  // Warm-up: compile routes, fill caches, as a running server would be.
  await Promise.all(PORTS.map((port) => drive({ mode: "closed", connections: 4, durationMs: 3000, targets: pollers.slice(0, 20) }, port)));
  await loopDelay();

  const where = POSTGRES ? ", spread over 2 servers" : "";
  console.log(`\n— realistic polling: 200 users, every 2 s, open loop, ${SECONDS} s${where}`);
  const realistic = await driveSplit({ mode: "open", intervalMs: 2000, durationMs: SECONDS * 1000, targets: pollers });
  report("GET /api/jobs/:id", realistic);
  console.log(`  event-loop delay: ${showLoop(await loopDelay())}`);

  console.log(`\n— the same while 2 engine jobs run on ${path.basename(ECOLI)}${POSTGRES ? " (in the worker process)" : ""}`);
  const uploader = keepEngineBusy(pollers[0].headers.cookie, SECONDS * 1000);
  report("GET /api/jobs/:id (engine busy)", await driveSplit({ mode: "open", intervalMs: 2000, durationMs: SECONDS * 1000, targets: pollers }));
  const engineRuns = await uploader;
  console.log(`  engine jobs completed meanwhile: ${engineRuns.completed}${engineRuns.failed ? ` (${engineRuns.failed} did not complete)` : ""}; event-loop delay: ${showLoop(await loopDelay())}`);

  console.log(`\n— capacity: 10 connections${where}, closed loop, ${Math.round(SECONDS / 2)} s each`);
  const health = await driveClosed(10, (SECONDS / 2) * 1000, [{ path: "/api/health" }]);
  const poll = await driveClosed(10, (SECONDS / 2) * 1000, pollers.slice(0, 10));
  report("GET /api/health", health);
  report("GET /api/jobs/:id", poll);
  const capacity = poll.latencies.length / poll.seconds / (health.latencies.length / health.seconds);
  console.log(`  status-poll capacity = ${(capacity * 100).toFixed(0)}% of /api/health`);

  console.log("\n— list pages of a 10 000-job history (closed loop, 4 connections, 5 s each)");
  const heavyCookie = await cookieFor(s.heavyUser);
  const first = await drive({ mode: "closed", connections: 4, durationMs: 5000, targets: [{ path: "/api/jobs?limit=20", headers: { cookie: heavyCookie } }] });
  const far = await drive({
    mode: "closed",
    connections: 4,
    durationMs: 5000,
    targets: [{ path: `/api/jobs?limit=20&cursor=${encodeCursor(s.heavyFarCursor)}`, headers: { cookie: heavyCookie } }],
  });
  report("first page", first);
  report("far page (oldest 20)", far);
  console.log(`  far/first p50 = ${(pct(far.latencies, 50) / pct(first.latencies, 50)).toFixed(2)}×`);

  console.log("\n— job creation with small uploads (sequential, 50)");
  const created = await createMany(pollers[0].headers.cookie, 50);
  console.log(`${"POST /api/jobs (2 kbp genome)".padEnd(44)} n=${created.length}  p50 ${f(pct(created, 50))}  p95 ${f(pct(created, 95))} ms`);

  await collectionPage();

  console.log(`\nserver peak RSS: ${servers.map((srv) => `${peakRssMb(srv.pid!).toFixed(0)} MB`).join(" / ")}`);
  if (POSTGRES) {
    const p95 = pct(realistic.latencies, 95);
    const p99 = pct(realistic.latencies, 99);
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log(
      `PostgreSQL targets: realistic polling p95 ${f(p95)} ms ≤ 6 (${verdict(p95 <= 6)}), p99 ${f(p99)} ms ≤ 15 (${verdict(p99 <= 15)}), ` +
        `capacity ${capacity.toFixed(2)} ≥ 0.70 of /api/health (${verdict(capacity >= 0.7)})`,
    );
  }
}

function upload(cookie: string, data: Uint8Array, name: string) {
  const form = new FormData();
  form.append("file", new Blob([data as BlobPart]), name);
  return fetch(`http://127.0.0.1:${PORTS[0]}/api/jobs`, { method: "POST", body: form, headers: { cookie } });
}

/** Keeps two engine jobs in flight for `ms` by uploading a new genome whenever one finishes. */
async function keepEngineBusy(cookie: string, ms: number): Promise<{ completed: number; failed: number }> {
  const genome = readFileSync(ECOLI);
  const end = Date.now() + ms;
  const out = { completed: 0, failed: 0 };
  await Promise.all(
    [0, 1].map(async () => {
      while (Date.now() < end) {
        const res = await upload(cookie, genome, path.basename(ECOLI));
        const { id } = (await res.json()) as { id: string };
        let status = "Submitted";
        // Bounded: a job nobody picks up (no worker running) must not hang the benchmark.
        for (let i = 0; i < 3000 && (status === "Submitted" || status === "Processing"); i++) {
          await new Promise((r) => setTimeout(r, 100));
          status = ((await (await fetch(`http://127.0.0.1:${PORTS[PORTS.length - 1]}/api/jobs/${id}`, { headers: { cookie } })).json()) as { status: string }).status;
        }
        if (status === "Completed") out.completed++;
        else {
          out.failed++;
          console.log(`  engine job ${id} ended ${status}`);
          return;
        }
      }
    }),
  );
  return out;
}

async function createMany(cookie: string, n: number): Promise<number[]> {
  const genome = new TextEncoder().encode(`>c\n${"ACGT".repeat(500)}\n`);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await upload(cookie, genome, "small.fa");
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`upload answered ${res.status}`);
    out.push(performance.now() - t0);
  }
  return out;
}

await main();
