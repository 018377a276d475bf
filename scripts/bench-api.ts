// `npm run bench:api`: seeds 1 000 users and 1 000 000 jobs, starts the production server, and
// drives it from separate processes on loopback. Prints figures and ratios; asserts nothing.
// Env: BENCH_JOBS (default 1000000), BENCH_SECONDS (20), BENCH_PORT (3300).
import { spawn, fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { encodeCursor } from "@/lib/pagination/keyset";
import { migrateFile } from "./lib/migrate-file";
import { seed } from "./bench/seed";

const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const JOBS = Number(process.env.BENCH_JOBS ?? 1_000_000);
const SECRET = "bench-secret-bench-secret-bench-secret-42";
const ECOLI = process.env.BENCH_GENOME ?? path.resolve(root, "../shared/genomes/ecoli_O157_Sakai.fna.gz");
const dir = path.join(root, "data", "bench");

const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  DATABASE_FILE: `file:${path.join(dir, "bench.db")}`,
  STORAGE_DIR: path.join(dir, "storage"),
  NEXTAUTH_SECRET: SECRET,
  NEXTAUTH_URL: `http://localhost:${PORT}`,
  CRON_SECRET: "bench-cron-secret-0123456789",
  WORKER_CONCURRENCY: "2",
  MAX_ACTIVE_JOBS_PER_USER: "1000",
  SCHEDULER_ENABLED: "false",
  NEXT_TELEMETRY_DISABLED: "1",
};
Object.assign(process.env, { NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: env.NEXTAUTH_URL, DATABASE_FILE: env.DATABASE_FILE });

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const f = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : "—");

interface DriverResult {
  latencies: number[];
  errors: number;
  sent: number;
  seconds: number;
}

function drive(cfg: object): Promise<DriverResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(root, "scripts", "bench", "load-driver.mjs"), [JSON.stringify({ port: PORT, ...cfg })]);
    child.once("message", (m) => resolve(m as DriverResult));
    child.once("error", reject);
  });
}

async function driveSplit(cfg: { targets: { path: string; headers: Record<string, string> }[] } & Record<string, unknown>, processes = 2) {
  const parts = Array.from({ length: processes }, (_, i) => cfg.targets.filter((_, j) => j % processes === i));
  const results = await Promise.all(parts.map((targets) => drive({ ...cfg, targets })));
  return {
    latencies: results.flatMap((r) => r.latencies),
    errors: results.reduce((a, r) => a + r.errors, 0),
    sent: results.reduce((a, r) => a + r.sent, 0),
    seconds: Math.max(...results.map((r) => r.seconds)),
  };
}

function report(name: string, r: DriverResult) {
  console.log(
    `${name.padEnd(44)} n=${String(r.latencies.length).padStart(6)}  ${f(r.latencies.length / r.seconds).padStart(7)} req/s  ` +
      `p50 ${f(pct(r.latencies, 50))}  p95 ${f(pct(r.latencies, 95))}  p99 ${f(pct(r.latencies, 99))} ms  errors ${r.errors}`,
  );
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function waitForServer() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not start");
}

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("run `npx next build` (or npm start once) first");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  migrateFile(path.join(dir, "bench.db"));
  const s = seed(path.join(dir, "bench.db"), { users: 1000, jobs: JOBS, heavyJobs: 10_000 });
  console.log(`seeded ${s.users.length} users and ${s.jobs.toLocaleString()} jobs in ${s.seconds.toFixed(1)} s`);

  // Admin for the metrics endpoint (event-loop delay); sessions are real signed cookies.
  const { default: Database } = await import("better-sqlite3");
  const raw = new Database(path.join(dir, "bench.db"));
  raw.prepare("UPDATE users SET role = 'admin' WHERE id = ?").run(s.users[1].id);
  raw.close();
  const { encodeSessionToken } = await import("@/lib/auth/session-token");
  const { sessionCookieName } = await import("@/lib/auth/session-config");
  const cookieFor = async (id: string) =>
    `${sessionCookieName()}=${await encodeSessionToken({ sub: id, sv: 0, authTime: Math.floor(Date.now() / 1000) })}`;

  const server: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(PORT)], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForServer();
    const pollers = await Promise.all(
      s.users.slice(0, 200).map(async (u, i) => ({ path: `/api/jobs/${s.pollJobs[i + 1]}`, headers: { cookie: await cookieFor(u.id) } })),
    );
    // Each polling user owns the job it polls (the seed gives the newest jobs round-robin).
    const owners = await ownersOf(pollers.map((p) => p.path.split("/").pop()!));
    for (const p of pollers) p.headers.cookie = await cookieFor(owners.get(p.path.split("/").pop()!)!);
    const adminCookie = await cookieFor(s.users[1].id);
    const loopDelay = async () => {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/admin/metrics`, { headers: { cookie: adminCookie } });
      const body = (await res.json()) as { process?: { eventLoopDelayMs?: { p50: number; p99: number; max: number } } };
      return body.process?.eventLoopDelayMs;
    };

    // Warm-up: compile routes, fill caches, as a running server would be.
    await drive({ mode: "closed", connections: 4, durationMs: 3000, targets: pollers.slice(0, 20) });
    await loopDelay();

    console.log(`\n— realistic polling: 200 users, every 2 s, open loop, ${SECONDS} s`);
    report("GET /api/jobs/:id", await driveSplit({ mode: "open", intervalMs: 2000, durationMs: SECONDS * 1000, targets: pollers }));
    console.log(`  event-loop delay: ${JSON.stringify(await loopDelay())}`);

    console.log(`\n— the same while 2 engine jobs run on ${path.basename(ECOLI)}`);
    const uploader = keepEngineBusy(pollers[0].headers.cookie, SECONDS * 1000);
    report("GET /api/jobs/:id (engine busy)", await driveSplit({ mode: "open", intervalMs: 2000, durationMs: SECONDS * 1000, targets: pollers }));
    const engineRuns = await uploader;
    console.log(`  engine jobs completed meanwhile: ${engineRuns}; event-loop delay: ${JSON.stringify(await loopDelay())}`);

    console.log(`\n— capacity: 10 connections, closed loop, ${Math.round(SECONDS / 2)} s each`);
    const health = await drive({ mode: "closed", connections: 10, durationMs: (SECONDS / 2) * 1000, targets: [{ path: "/api/health" }] });
    const poll = await drive({ mode: "closed", connections: 10, durationMs: (SECONDS / 2) * 1000, targets: pollers.slice(0, 10) });
    report("GET /api/health", health);
    report("GET /api/jobs/:id", poll);
    console.log(`  status-poll capacity = ${((poll.latencies.length / poll.seconds / (health.latencies.length / health.seconds)) * 100).toFixed(0)}% of /api/health`);

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

    console.log(`\nserver peak RSS: ${peakRssMb(server.pid!).toFixed(0)} MB`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

async function ownersOf(ids: string[]): Promise<Map<string, string>> {
  const { default: Database } = await import("better-sqlite3");
  const raw = new Database(path.join(dir, "bench.db"), { readonly: true });
  const stmt = raw.prepare("SELECT user_id FROM amr_jobs WHERE id = ?");
  const map = new Map(ids.map((id) => [id, (stmt.get(id) as { user_id: string }).user_id]));
  raw.close();
  return map;
}

function upload(cookie: string, data: Uint8Array, name: string) {
  const form = new FormData();
  form.append("file", new Blob([data as BlobPart]), name);
  return fetch(`http://127.0.0.1:${PORT}/api/jobs`, { method: "POST", body: form, headers: { cookie } });
}

/** Keeps two engine jobs in flight for `ms` by uploading a new genome whenever one finishes. */
async function keepEngineBusy(cookie: string, ms: number): Promise<number> {
  const genome = readFileSync(ECOLI);
  const end = Date.now() + ms;
  let completed = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (Date.now() < end) {
        const res = await upload(cookie, genome, path.basename(ECOLI));
        const { id } = (await res.json()) as { id: string };
        for (;;) {
          const job = (await (await fetch(`http://127.0.0.1:${PORT}/api/jobs/${id}`, { headers: { cookie } })).json()) as { status: string };
          if (job.status !== "Submitted" && job.status !== "Processing") break;
          await new Promise((r) => setTimeout(r, 100));
        }
        completed++;
      }
    }),
  );
  return completed;
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
