// What the load scripts (bench-signin, bench-load, soak) share: a production server on a fresh
// SQLite database, open-loop pollers in separate processes, and the server's own figures.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateFile } from "../lib/migrate-file";
import { seed, type SeedResult } from "./seed";

export const root = path.resolve(import.meta.dirname, "..", "..");
export const BENCH_SECRET = "bench-secret-bench-secret-bench-secret-42";
export const CRON_SECRET = "bench-cron-secret-0123456789";

// Session cookies are signed with the bench secret, so it must be set before lib/auth loads.
process.env.NEXTAUTH_SECRET = BENCH_SECRET;

export const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
export const fmt = (n: number, digits?: number) => (Number.isFinite(n) ? n.toFixed(digits ?? (n < 10 ? 2 : 1)) : "—");
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface DriverResult {
  latencies: number[];
  errors: number;
  errorStatuses: Record<string, number>;
  sent: number;
  seconds: number;
}
export type Target = { path: string; headers?: Record<string, string> };

/** scripts/bench/load-driver.mjs in its own process, so the client never competes with the server's loop. */
export function drive(port: number, cfg: object): Promise<DriverResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(root, "scripts", "bench", "load-driver.mjs"), [JSON.stringify({ port, ...cfg })]);
    child.once("message", (m) => resolve(m as DriverResult));
    child.once("error", reject);
  });
}

/** The polling users, split over two driver processes (one alone saturates near 100 req/s on a small machine). */
export async function poll(port: number, targets: Target[], durationMs: number, intervalMs = 2000): Promise<DriverResult> {
  const parts = [0, 1].map((i) => targets.filter((_, j) => j % 2 === i));
  const results = await Promise.all(parts.map((t) => drive(port, { mode: "open", intervalMs, durationMs, targets: t })));
  return mergeResults(results);
}

export function mergeResults(results: DriverResult[]): DriverResult {
  const errorStatuses: Record<string, number> = {};
  for (const r of results) for (const [k, n] of Object.entries(r.errorStatuses)) errorStatuses[k] = (errorStatuses[k] ?? 0) + n;
  return {
    latencies: results.flatMap((r) => r.latencies),
    errors: results.reduce((a, r) => a + r.errors, 0),
    errorStatuses,
    sent: results.reduce((a, r) => a + r.sent, 0),
    seconds: Math.max(...results.map((r) => r.seconds)),
  };
}

export function describeErrors(statuses: Record<string, number>): string {
  const parts = Object.entries(statuses).map(([s, n]) => `${s === "0" ? "no answer" : s}×${n}`);
  return parts.length ? parts.join(", ") : "none";
}

/** A fresh, migrated SQLite database with `users` users and `jobs` jobs (the newest job of each user is Completed). */
export function freshDatabase(dir: string, opts: { users: number; jobs: number }): { file: string; seeded: SeedResult } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "bench.db");
  migrateFile(file);
  return { file, seeded: seed(file, { users: opts.users, jobs: opts.jobs, heavyJobs: Math.min(100, Math.floor(opts.jobs / 10)) }) };
}

/** The owner of each job, read from the database (the seed spreads jobs round-robin). */
export function ownersOf(file: string, jobIds: string[]): Map<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const stmt = db.prepare("SELECT user_id AS userId FROM amr_jobs WHERE id = ?");
    return new Map(jobIds.map((id) => [id, (stmt.get(id) as { userId: string }).userId]));
  } finally {
    db.close();
  }
}

export async function cookieFor(userId: string): Promise<string> {
  const { encodeSessionToken } = await import("@/lib/auth/session-token");
  const { sessionCookieName } = await import("@/lib/auth/session-config");
  return `${sessionCookieName()}=${await encodeSessionToken({ sub: userId, sv: 0, authTime: Math.floor(Date.now() / 1000) })}`;
}

/** Each polling user polls a job of their own, with a real signed session cookie. */
export async function pollTargets(file: string, jobIds: string[]): Promise<Target[]> {
  const owners = ownersOf(file, jobIds);
  return Promise.all(jobIds.map(async (id) => ({ path: `/api/jobs/${id}`, headers: { cookie: await cookieFor(owners.get(id)!) } })));
}

export function makeAdmin(file: string, userId: string): void {
  const db = new Database(file);
  try {
    db.prepare("UPDATE users SET role = 'admin' WHERE id = ?").run(userId);
  } finally {
    db.close();
  }
}

/** The environment of a production server on `file` (local storage beside it; no scheduler unless asked). */
export function serverEnv(dir: string, file: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_FILE: `file:${file}`,
    DATABASE_URL: "", // a PostgreSQL URL in the shell must not take the SQLite run over
    STORAGE_DIR: path.join(dir, "storage"),
    STORAGE_URL: "",
    NEXTAUTH_SECRET: BENCH_SECRET,
    NEXTAUTH_URL: `http://localhost:${port}`,
    CRON_SECRET,
    MAX_ACTIVE_JOBS_PER_USER: "1000",
    SCHEDULER_ENABLED: "false",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}

export interface Server {
  process: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

/** `next start` on `port`, healthy; its output goes to `logFile` when given (else stderr only). */
export async function startServer(port: number, env: NodeJS.ProcessEnv, logFd?: number): Promise<Server> {
  // A server left over from an earlier run would answer the health check for this one, and every
  // figure would then be measured against the wrong process (and the wrong database).
  const stale = await fetch(`http://127.0.0.1:${port}/api/health`).then(() => true, () => false);
  if (stale) throw new Error(`port ${port} is already served by another process: stop it or pass another --port`);
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: root,
    env,
    stdio: ["ignore", logFd ?? "ignore", logFd ?? "inherit"],
  });
  const server = { process: child, port, stop: () => stopProcess(child) };
  let last = "no answer";
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server on port ${port} exited (${child.exitCode})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return server;
      last = `${res.status} ${await res.text()}`;
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  await server.stop();
  throw new Error(`the server on port ${port} did not become healthy (last answer: ${last})`);
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

function statusField(pid: number, field: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}
/** Resident memory now / at its peak, MB (Linux /proc; 0 elsewhere). */
export const rssMb = (pid: number) => statusField(pid, "VmRSS");
export const peakRssMb = (pid: number) => statusField(pid, "VmHWM");

/** Resident memory of the process and every descendant (the engine's child processes), MB. */
export function treeRssMb(pid: number): number {
  if (!existsSync("/proc")) return 0;
  const parent = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const inTree = (p: number): boolean => p === pid || (p > 1 && parent.has(p) && inTree(parent.get(p)!));
  let total = 0;
  for (const p of parent.keys()) if (inTree(p)) total += rssMb(p);
  return total;
}

export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/** The server's event-loop delay since the previous read (admin metrics; each read starts a new interval). */
export async function eventLoopDelay(port: number, adminCookie: string): Promise<LoopDelay | null> {
  const res = await fetch(`http://127.0.0.1:${port}/api/admin/metrics`, { headers: { cookie: adminCookie } });
  if (!res.ok) return null;
  const body = (await res.json()) as { process?: { eventLoopDelayMs?: LoopDelay | null } };
  return body.process?.eventLoopDelayMs ?? null;
}

/** /proc/stat: the whole machine's CPU use since a sample, so a figure taken beside someone's build shows it. */
export function cpuSample(): { busy: number; total: number } {
  if (!existsSync("/proc/stat")) return { busy: 0, total: 0 };
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  return { busy: user + nice + system + irq + softirq + steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
}
export function busyPercentSince(from: ReturnType<typeof cpuSample>): number {
  const now = cpuSample();
  return now.total > from.total ? Math.round((100 * (now.busy - from.busy)) / (now.total - from.total)) : NaN;
}
