// `npm run bench:upload-abuse`: the memory a production server (`next start`, SQLite, local
// storage) spends refusing abusive uploads (UP1, UP4): the upload limit + 1 byte with a true
// Content-Length, a false (smaller) one and chunked with none; an endless chunked body; a gzip
// that inflates to 10 GiB. Samples the server's resident memory (its process tree, /proc) every
// 20 ms; prints, per case, the baseline, the peak and the growth (target: growth ≤ +64 MiB).
// Checks, and stops on, what the tests promise too: the refusal status, no job row, no file
// left in storage or in the server's temp directory.
// Options: --runs N (3)  --no-build (use .next as it is).
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { displayPrefix, generateTokenSecret, hashTokenSecret } from "@/lib/api-tokens/secret";
import { ensureBuild } from "./lib/ensure-build";
import { freePort } from "./lib/free-port";
import { migrateFile } from "./lib/migrate-file";
import { fastaBytes, gzipBomb, MULTIPART_FRAMING, MULTIPART_TYPE, multipartFile, rawPost, type RawResponse } from "./lib/raw-upload";

const { values: opt } = parseArgs({ options: { runs: { type: "string", default: "3" }, "no-build": { type: "boolean", default: false } } });
const RUNS = Number(opt.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error("--runs must be a positive integer");

const MiB = 1024 * 1024;
const LIMIT = 100 * MiB; // the defaults of UPLOAD_MAX_BYTES / UNCOMPRESSED_MAX_BYTES
const INFLATED_CAP = 200 * MiB;
const TARGET_MIB = 64;
const root = path.resolve(import.meta.dirname, "..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (m: string) => console.log(`[bench-upload-abuse] ${m}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Resident memory of a process and its descendants, in KiB. */
function treeRssKb(pid: number): number {
  let kb = 0;
  try {
    kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean)) kb += treeRssKb(Number(child));
    }
  } catch {
    /* exited between reads */
  }
  return kb;
}

class Sampler {
  private timer: NodeJS.Timeout;
  current = 0;
  peak = 0;
  constructor(private readonly pid: number) {
    this.timer = setInterval(() => {
      this.current = treeRssKb(this.pid);
      this.peak = Math.max(this.peak, this.current);
    }, 20);
  }
  /** Waits for the previous case's garbage to go back to the system, then starts a new window. */
  async window(): Promise<number> {
    let last = Infinity;
    for (let i = 0; i < 20 && last - this.current > 1024; i++) {
      last = this.current;
      await sleep(1000);
    }
    this.peak = this.current;
    return this.current;
  }
  stop() {
    clearInterval(this.timer);
  }
}

interface Case {
  name: string;
  /** The refusals that are right: a bomb may first pass the bases limit (422) or the inflated-bytes cap (413). */
  expect: number[];
  send: (url: string, headers: Record<string, string>) => Promise<RawResponse>;
}

const CASES: Case[] = [
  {
    name: "limit+1, true Content-Length",
    expect: [413],
    send: (url, headers) => rawPost(url, { headers, body: multipartFile(fastaBytes(LIMIT + 1)), framing: { contentLength: LIMIT + 1 + MULTIPART_FRAMING } }),
  },
  {
    name: "limit+1, false Content-Length (64 KiB)",
    expect: [400],
    send: (url, headers) => rawPost(url, { headers, body: multipartFile(fastaBytes(LIMIT + 1)), framing: { contentLength: 64 * 1024 } }),
  },
  { name: "limit+1, chunked", expect: [413], send: (url, headers) => rawPost(url, { headers, body: multipartFile(fastaBytes(LIMIT + 1)), framing: "chunked" }) },
  { name: "endless chunked body", expect: [413], send: (url, headers) => rawPost(url, { headers, body: multipartFile(fastaBytes(Infinity)), framing: "chunked" }) },
  {
    name: "gzip inflating to 10 GiB",
    expect: [413, 422],
    send: (url, headers) => rawPost(url, { headers, body: multipartFile(gzipBomb(10 * 1024), "bomb.fa.gz"), framing: "chunked" }),
  },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function main() {
  if (!opt["no-build"]) ensureBuild(root, log);
  else if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no production build in .next: run without --no-build");
  const work = mkdtempSync(path.join(tmpdir(), "amr-bench-abuse-"));
  const [storage, serverTmp] = [path.join(work, "storage"), path.join(work, "tmp")];
  for (const d of [storage, serverTmp]) mkdirSync(d);
  const dbFile = path.join(work, "bench.db");
  migrateFile(dbFile);
  const token = generateTokenSecret();
  const seed = new Database(dbFile);
  const userId = randomUUID();
  seed.prepare("INSERT INTO users (id, username, username_key, password_hash, role, session_version, created_at) VALUES (?, 'abuse', 'abuse', 'x', 'user', 0, ?)").run(userId, new Date().toISOString());
  seed.prepare("INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at) VALUES (?, ?, 'bench', ?, ?, ?)").run(randomUUID(), userId, hashTokenSecret(token), displayPrefix(token), new Date().toISOString());
  seed.close();

  const port = await freePort();
  const logFile = path.join(work, "server.log");
  const fd = openSync(logFile, "a");
  const server: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", fd, fd],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_FILE: `file:${dbFile}`,
      DATABASE_URL: "",
      STORAGE_DIR: storage,
      STORAGE_URL: "",
      TMPDIR: serverTmp,
      NEXTAUTH_SECRET: "bench-abuse-secret-bench-abuse-secret-0123",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      WORKER_ENABLED: "false",
      SCHEDULER_ENABLED: "false",
      UPLOAD_MAX_BYTES: String(LIMIT),
      UNCOMPRESSED_MAX_BYTES: String(INFLATED_CAP),
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  closeSync(fd);
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
  };
  process.on("exit", stop);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    if (i > 480 || server.exitCode !== null) throw new Error(`next start did not come up:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
    await sleep(250);
  }
  const sampler = new Sampler(server.pid!);
  const headers = { authorization: `Bearer ${token}`, "content-type": MULTIPART_TYPE };
  const url = `${base}/api/jobs`;
  // Warm-up: one accepted upload loads the route, the database and the storage code first.
  const warm = await rawPost(url, { headers, body: multipartFile(fastaBytes(MiB)), framing: { contentLength: MiB + MULTIPART_FRAMING } });
  if (warm.status !== 201) throw new Error(`warm-up upload: ${warm.status} ${warm.body}`);
  const db = new Database(dbFile, { readonly: true });
  const jobsBefore = (db.prepare("SELECT count(*) AS n FROM amr_jobs").get() as { n: number }).n;
  const inputsBefore = filesUnder(storage).length;

  const results = new Map<string, { growth: number[]; base: number[]; peak: number[]; seconds: number[] }>();
  try {
    for (let run = 1; run <= RUNS; run++) {
      for (const c of CASES) {
        const baseline = await sampler.window();
        const t0 = performance.now();
        const res = await c.send(url, headers);
        await sleep(200); // the server's last reads and frees after answering
        const seconds = (performance.now() - t0) / 1000;
        if (!c.expect.includes(res.status)) throw new Error(`${c.name}: expected ${c.expect}, got ${res.status} ${res.body.slice(0, 200)}`);
        const jobs = (db.prepare("SELECT count(*) AS n FROM amr_jobs").get() as { n: number }).n;
        if (jobs !== jobsBefore || filesUnder(storage).length !== inputsBefore || filesUnder(serverTmp).length > 0) {
          throw new Error(`${c.name}: left something behind (jobs ${jobs}, storage ${filesUnder(storage).length}, temp ${filesUnder(serverTmp).join(", ")})`);
        }
        const r = results.get(c.name) ?? { growth: [], base: [], peak: [], seconds: [] };
        r.growth.push((sampler.peak - baseline) / 1024);
        r.base.push(baseline / 1024);
        r.peak.push(sampler.peak / 1024);
        r.seconds.push(seconds);
        results.set(c.name, r);
        log(`run ${run} ${c.name}: ${res.status} in ${seconds.toFixed(2)} s, client sent ${(res.sent / MiB).toFixed(1)} MiB, RSS ${(baseline / 1024).toFixed(0)} → ${(sampler.peak / 1024).toFixed(0)} MiB`);
      }
    }
  } finally {
    sampler.stop();
    db.close();
    stop();
  }

  console.log(`\nnext start (SQLite, local storage), limit ${LIMIT / MiB} MiB, inflated cap ${INFLATED_CAP / MiB} MiB; server process tree RSS sampled every 20 ms; medians of ${RUNS} run(s), worst growth`);
  const line = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(40) : c.padStart(12))).join(""));
  line(["case", "time (s)", "RSS base", "RSS peak", "growth", "worst"]);
  let worst = 0;
  for (const [name, r] of results) {
    worst = Math.max(worst, ...r.growth);
    line([name, median(r.seconds).toFixed(2), median(r.base).toFixed(0), median(r.peak).toFixed(0), `+${median(r.growth).toFixed(1)}`, `+${Math.max(...r.growth).toFixed(1)}`]);
  }
  console.log(`(MiB) worst growth +${worst.toFixed(1)} MiB against a target of +${TARGET_MIB} MiB: ${worst <= TARGET_MIB ? "within" : "OVER"}`);
  rmSync(work, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
