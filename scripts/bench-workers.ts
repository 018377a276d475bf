// `npm run bench:workers`: how the durable job queue scales with worker PROCESSES. Drains the
// same queue of small jobs with 1, 2 and 4 processes (scripts/bench/worker-process.ts: the
// production worker loop and timings, a scripted engine) on PostgreSQL and on SQLite, prints
// jobs/s and the ratios to one process, and checks that no job was claimed twice (attempts = 1,
// and each job appears exactly once in a log every process appends to with O_APPEND).
// Prints figures; asserts nothing about speed. Exits non-zero only if a job ran twice or not at all.
//
// Options: --jobs N (1000)  --db sqlite|postgres|both (both)  --workers 1,2,4
//          --work sleep:MS|cpu:MS (sleep:20)  --concurrency N per process (1)  --rounds N (1)
// Env: BENCH_PG_URL, else TEST_DATABASE_URL, else postgresql://amr:amr@127.0.0.1:5432/postgres
// (an admin URL: the role needs CREATEDB; each run gets its own database, dropped afterwards).
//
// The unit of work: by default each job sleeps 20 ms. A real engine run happens off the worker's
// event loop (a child process), so from the queue's point of view a job is a stretch of time in
// which the worker holds a lease and does nothing else; 20 ms is long enough next to the
// per-job database round trips (claim, read, progress, three result files, completion) that the
// ratios measure how the claim path scales, and short enough for 1 000 jobs to take seconds.
// What it shows: whether processes serialise on the database (a claim that blocks its peers, a
// writer lock held too long). `--work cpu:5` burns a fixed amount of arithmetic per job instead
// (≈5 ms when idle): then the burn competes for the 2 cores with the per-job CPU of the worker
// loop and of the database (about as much again), so the ratios measure the machine more than
// the queue, and a noisy neighbour shows in every figure.
import { fork, type ChildProcess } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { closeDb, createDb, type Db } from "@/lib/db";
import { jobFiles } from "@/lib/jobs/job-files";
import { insertJob } from "@/lib/jobs/job-repository";
import { LocalStorage } from "@/lib/storage/local-storage";
import { calibrateBurn } from "./bench/burn";
import type { WorkerProcessConfig, WorkerProcessReport } from "./bench/worker-process";
import { createScratchDatabase, type ScratchDatabase } from "./lib/migrate-postgres";
import { migrateFile } from "./lib/migrate-file";

type DbKind = "sqlite" | "postgres";

const { values: opt } = parseArgs({
  options: {
    jobs: { type: "string", default: "1000" },
    db: { type: "string", default: "both" },
    workers: { type: "string", default: "1,2,4" },
    work: { type: "string", default: "sleep:20" },
    concurrency: { type: "string", default: "1" },
    rounds: { type: "string", default: "1" },
  },
});
const JOBS = positiveInt(opt.jobs!, "--jobs");
const WORKERS = opt.workers!.split(",").map((w) => positiveInt(w, "--workers"));
const CONCURRENCY = positiveInt(opt.concurrency!, "--concurrency");
const ROUNDS = positiveInt(opt.rounds!, "--rounds");
if (!["sqlite", "postgres", "both"].includes(opt.db!)) throw new Error("--db must be sqlite, postgres or both");
const KINDS: DbKind[] = opt.db === "both" ? ["postgres", "sqlite"] : [opt.db as DbKind];
const workMatch = /^(sleep|cpu):(\d+(?:\.\d+)?)$/.exec(opt.work!);
if (!workMatch) throw new Error("--work must be sleep:MS or cpu:MS");
const WORK_MS = Number(workMatch[2]);
const WORK: WorkerProcessConfig["work"] =
  workMatch[1] === "sleep" ? { kind: "sleep", ms: WORK_MS } : { kind: "cpu", iterations: calibrateBurn(WORK_MS) };
const ADMIN_URL = process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://amr:amr@127.0.0.1:5432/postgres";
const CHILD = path.join(import.meta.dirname, "bench", "worker-process.ts");

function positiveInt(s: string, name: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
  return n;
}

// Everything made on disk or on the server, undone even on Ctrl-C, and only once: the SIGINT
// handler and the failing run it causes (its processes are killed) both get here.
const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | null = null;
function cleanUp(): Promise<void> {
  return (cleaning ??= (async () => {
    for (const fn of cleanups.splice(0).reverse()) await Promise.resolve().then(fn).catch((e) => console.error(`cleanup: ${e}`));
  })());
}
// `on`, not `once`: under tsx a Ctrl-C arrives twice (from the terminal and relayed by tsx), and
// the second must not end the process half way through the cleanup.
let interrupted = false;
process.on("SIGINT", () => {
  if (interrupted) return;
  interrupted = true;
  void cleanUp().finally(() => process.exit(130));
});

const params = { modelName: "resfinder-genes", batchSize: 8, segmentLength: 6000, segmentOverlap: 0, useCpu: true, minIdentity: 80, minCoverage: 60 };

/**
 * One user and JOBS queued jobs, through the application's own insert (quota check included),
 * each with a small input file in `storageDir` (the worker hands the engine a local copy of it).
 */
async function seedQueue(db: Db, storageDir: string) {
  const storage = new LocalStorage(storageDir);
  const user = await db.user.create({
    data: { id: crypto.randomUUID(), username: "bench-workers", passwordHash: "$2b$12$benchbenchbenchbenchbenchbenchbenchbenchbenchbenchbench" },
  });
  const base = Date.now() - JOBS;
  for (let i = 0; i < JOBS; i++) {
    const id = crypto.randomUUID();
    const inputFilePath = jobFiles.input(id, false);
    await storage.put(inputFilePath, `>job${i}\nACGTACGTACGT\n`);
    await insertJob(db, { id, userId: user.id, jobName: `job ${i}`, params, inputFilePath, createdAt: new Date(base + i) });
  }
}

/** A seeded database and storage per database kind; each run starts from a fresh copy of both. */
interface Template {
  storageDir: string;
  fresh(): Promise<{ url: string; drop: () => Promise<void> }>;
}

async function sqliteTemplate(dir: string): Promise<Template> {
  const file = path.join(dir, "template.db");
  const storageDir = path.join(dir, "storage-sqlite");
  migrateFile(file);
  // NORMAL: no fsync per seeded job; the runs themselves use the production default (FULL).
  const db = createDb(`file:${file}`, { synchronous: "NORMAL" });
  await seedQueue(db, storageDir);
  await closeDb(db);
  const raw = new Database(file);
  raw.pragma("wal_checkpoint(TRUNCATE)");
  raw.close();
  let n = 0;
  return {
    storageDir,
    async fresh() {
      const copy = path.join(dir, `run-${++n}.db`);
      copyFileSync(file, copy);
      return { url: `file:${copy}`, drop: async () => ["", "-wal", "-shm"].forEach((s) => rmSync(copy + s, { force: true })) };
    },
  };
}

async function postgresTemplate(dir: string): Promise<Template> {
  const template = await createScratchDatabase(ADMIN_URL, "amr_bench_workers_t");
  cleanups.push(template.drop);
  const storageDir = path.join(dir, "storage-postgres");
  const db = createDb(template.url);
  await seedQueue(db, storageDir);
  await db.$executeRawUnsafe("ANALYZE");
  await closeDb(db); // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template
  return {
    storageDir,
    async fresh(): Promise<ScratchDatabase> {
      return createScratchDatabase(ADMIN_URL, "amr_bench_workers", { template: template.name });
    },
  };
}

interface RunResult {
  kind: DbKind;
  workers: number;
  seconds: number;
  jobsPerSecond: number;
  split: number[];
  attemptsOne: number;
  completed: number;
  loggedOnce: number;
  problems: string[];
}

function waitForMessage<T>(child: ChildProcess, name: string, timeoutMs: number, accept: (m: unknown) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    const onMessage = (m: unknown) => {
      if (!accept(m)) return;
      cleanup();
      resolve(m as T);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`${name} exited (${code}) before answering`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/**
 * Promise.all, but the other promises' later rejections (their processes are killed once one
 * fails) are handled: an unhandled one would end this process before it drops the database.
 */
function allOrFirstError<T>(promises: Promise<T>[]): Promise<T[]> {
  for (const p of promises) p.catch(() => undefined);
  return Promise.all(promises);
}

async function runOnce(kind: DbKind, template: Template, workers: number, dir: string): Promise<RunResult> {
  const database = await template.fresh();
  cleanups.push(database.drop);
  const runDir = mkdtempSync(path.join(dir, `run-${kind}-${workers}-`));
  const storageDir = path.join(runDir, "storage");
  cpSync(template.storageDir, storageDir, { recursive: true });
  const logFile = path.join(runDir, "claims.log");
  writeFileSync(logFile, "");
  const children: ChildProcess[] = [];
  const killChildren = () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  };
  cleanups.push(killChildren); // runs before the drop: cleanups run last-in first-out
  try {
    for (let i = 0; i < workers; i++) {
      const cfg: WorkerProcessConfig = {
        url: database.url,
        storageDir,
        logFile,
        name: `w${i + 1}`,
        concurrency: CONCURRENCY,
        work: WORK,
      };
      children.push(fork(CHILD, [JSON.stringify(cfg)], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] }));
    }
    await allOrFirstError(children.map((c, i) => waitForMessage(c, `w${i + 1}`, 120_000, (m) => m === "ready")));
    const t0 = Date.now();
    const reports = children.map((c, i) =>
      waitForMessage<WorkerProcessReport>(c, `w${i + 1}`, 11 * 60_000, (m) => typeof m === "object" && m !== null && "ran" in m),
    );
    for (const c of children) c.send("go");
    const done = await allOrFirstError(reports);
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : undefined)));
    const seconds = (Math.max(...done.map((r) => r.lastFinishedAt)) - t0) / 1000;

    // Claimed once: the database's attempt counters and the processes' own log must both say so.
    const problems: string[] = [];
    const db = createDb(database.url);
    const rows = await db.amrJob.findMany({ select: { id: true, status: true, attempts: true, inputFilePath: true } });
    await closeDb(db);
    const lines = readFileSync(logFile, "utf8").split("\n").filter(Boolean);
    const runsOf = new Map<string, number>();
    for (const line of lines) {
      const input = line.slice(line.indexOf(" ") + 1);
      runsOf.set(input, (runsOf.get(input) ?? 0) + 1);
    }
    let attemptsOne = 0;
    let completed = 0;
    let loggedOnce = 0;
    for (const r of rows) {
      if (r.attempts === 1) attemptsOne++;
      else problems.push(`job ${r.id}: attempts ${r.attempts}`);
      if (r.status === "Completed") completed++;
      else problems.push(`job ${r.id}: ${r.status}`);
      // LocalStorage's local copy of an input is the stored file itself.
      const runs = runsOf.get(path.join(storageDir, r.inputFilePath!)) ?? 0;
      if (runs === 1) loggedOnce++;
      else problems.push(`job ${r.id}: ran ${runs} times`);
    }
    if (lines.length !== rows.length) problems.push(`${lines.length} runs logged for ${rows.length} jobs`);
    for (const r of done) {
      const odd = Object.entries(r.outcomes).filter(([o]) => o !== "Completed");
      if (odd.length) problems.push(`${r.name}: ${odd.map(([o, n]) => `${n} ${o}`).join(", ")}`);
    }
    return {
      kind,
      workers,
      seconds,
      jobsPerSecond: rows.length / seconds,
      split: done.map((r) => r.ran),
      attemptsOne,
      completed,
      loggedOnce,
      problems,
    };
  } finally {
    killChildren();
    // Still registered, unless a Ctrl-C's cleanup has taken it over.
    const mine = cleanups.indexOf(database.drop);
    if (mine >= 0) {
      cleanups.splice(mine, 2);
      await database.drop();
    }
    rmSync(runDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pad = (s: string | number, n: number) => String(s).padStart(n);

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "amr-bench-workers-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const work = WORK.kind === "sleep" ? `sleeps ${WORK.ms} ms` : `burns ${WORK.iterations.toLocaleString()} iterations (≈${WORK_MS} ms idle)`;
  console.log(
    `bench:workers — ${JOBS} jobs, worker processes ${WORKERS.join("/")}, concurrency ${CONCURRENCY} per process, ` +
      `engine ${work}, ${ROUNDS} round(s); ${availableParallelism()} CPUs`,
  );
  const results: RunResult[] = [];
  let failed = false;
  try {
    for (const kind of KINDS) {
      const t0 = performance.now();
      const template = kind === "sqlite" ? await sqliteTemplate(dir) : await postgresTemplate(dir);
      console.log(`${kind}: queue of ${JOBS} seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      // Rounds interleave the worker counts, so a burst of noise does not land on one of them only.
      for (let round = 0; round < ROUNDS; round++) {
        for (const w of WORKERS) {
          const r = await runOnce(kind, template, w, dir);
          results.push(r);
          console.log(
            `  ${kind} ${w} process(es): ${r.seconds.toFixed(2)} s, ${r.jobsPerSecond.toFixed(1)} jobs/s, split ${r.split.join("/")}` +
              (r.problems.length ? `, PROBLEMS: ${r.problems.slice(0, 5).join("; ")}` : ""),
          );
        }
      }
    }
  } finally {
    await cleanUp();
  }

  const baseWorkers = WORKERS.includes(1) ? 1 : WORKERS[0];
  console.log(
    `\n${"database".padEnd(9)} ${pad("workers", 7)} ${pad("jobs", 6)} ${pad("seconds", 8)} ${pad("jobs/s", 8)} ${pad(`vs ${baseWorkers}`, 7)}  ` +
      `${"attempts=1".padEnd(11)} ${"ran once".padEnd(11)} split (jobs per process)`,
  );
  // Medians over the rounds; the two check columns show the worst round.
  for (const kind of KINDS) {
    const mine = results.filter((r) => r.kind === kind);
    const rate = (w: number) => median(mine.filter((r) => r.workers === w).map((r) => r.jobsPerSecond));
    for (const w of WORKERS) {
      const runs = mine.filter((r) => r.workers === w);
      const ok = runs.every((r) => r.problems.length === 0);
      failed ||= !ok;
      const worst = (k: "attemptsOne" | "loggedOnce") => `${Math.min(...runs.map((r) => r[k]))}/${JOBS}`.padEnd(11);
      console.log(
        `${kind.padEnd(9)} ${pad(w, 7)} ${pad(JOBS, 6)} ${pad(median(runs.map((r) => r.seconds)).toFixed(2), 8)} ${pad(rate(w).toFixed(1), 8)} ` +
          `${pad((rate(w) / rate(baseWorkers)).toFixed(2) + "×", 7)}  ${worst("attemptsOne")} ${worst("loggedOnce")} ` +
          `${runs.map((r) => r.split.join("/")).join("  ")}${ok ? "" : "  ← PROBLEMS"}`,
      );
    }
  }
  console.log("");
  for (const kind of KINDS) {
    const mine = results.filter((r) => r.kind === kind);
    const rate = (w: number) => median(mine.filter((r) => r.workers === w).map((r) => r.jobsPerSecond));
    const ratios = WORKERS.filter((w) => w !== baseWorkers).map((w) => {
      // Per round as well: a round's runs were measured minutes apart at most, so their ratio
      // shows how much of the spread is noise.
      const perRound = ROUNDS > 1 ? ` (rounds: ${Array.from({ length: ROUNDS }, (_, i) => (mine.filter((r) => r.workers === w)[i].jobsPerSecond / mine.filter((r) => r.workers === baseWorkers)[i].jobsPerSecond).toFixed(2)).join(", ")})` : "";
      return `${w}/${baseWorkers} = ${(rate(w) / rate(baseWorkers)).toFixed(2)}×${perRound}`;
    });
    const target = baseWorkers === 1 && WORKERS.includes(2) ? `; target 2/1 ≥ 1.70×: ${rate(2) / rate(1) >= 1.7 ? "met" : "NOT met"}` : "";
    const once = mine.every((r) => r.problems.length === 0) ? "no job claimed twice" : "SOME JOB WAS NOT RUN EXACTLY ONCE";
    console.log(`${kind}: ${ratios.join(", ")}${target}; ${once}`);
  }
  if (failed) process.exitCode = 1;
}

try {
  await main();
} catch (err) {
  await cleanUp();
  if (!interrupted) throw err;
}
