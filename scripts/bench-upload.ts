// `npm run bench:upload`: the two ways a genome reaches a bucket-backed server, end to end on
// loopback — multipart POST /api/jobs (the server stages, validates and streams it into the
// bucket) against a direct upload (pre-signed POST to the bucket, then a JSON confirm that makes
// the server stream-validate the object). Starts its own s3rver, a scratch PostgreSQL database
// and one production server at a time (no worker, no scheduler), and samples the server's
// resident memory every 50 ms from a separate thread, so a busy client cannot starve the sampler.
// Prints medians and ratios; asserts only that every job was created intact and no upload was
// left behind.
// Each measurement gets a freshly started server, warmed up with a small genome: Node keeps the
// memory of its first big upload (the heap and malloc arenas grow once and stay), so on a
// long-lived server every later upload shows almost no increase whichever path it takes.
// --one-server keeps one server for the whole run instead (the steady state of a busy server).
// Options: --runs N (3)  --size-mb N (100: the genome, MiB)  --timeout S (1800: the whole run)
// --one-server  --no-build (use .next as it is: a rebuild replaces it under any other server
// running from it).
// Env: BENCH_PG_URL, else TEST_DATABASE_URL, else postgresql://amr:amr@127.0.0.1:5432/postgres
// (an admin URL: the role needs CREATEDB). Builds the app first if it is missing or stale.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { closeSync, createReadStream, existsSync, mkdirSync, mkdtempSync, openAsBlob, openSync, readdirSync, readFileSync, rmSync, writeSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import pg from "pg";
import { DEFAULT_FASTA_LIMITS } from "@/lib/amr/fasta-parser";
import { displayPrefix, generateTokenSecret, hashTokenSecret } from "@/lib/api-tokens/secret";
import { ensureBuild } from "./lib/ensure-build";
import { freePort } from "./lib/free-port";
import { createScratchDatabase } from "./lib/migrate-postgres";

const { values: opt } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    "size-mb": { type: "string", default: "100" },
    timeout: { type: "string", default: "1800" },
    "no-build": { type: "boolean", default: false },
    "one-server": { type: "boolean", default: false },
  },
});
const RUNS = Number(opt.runs);
const SIZE_MB = Number(opt["size-mb"]);
const TOTAL_TIMEOUT_S = Number(opt.timeout);
const ONE_SERVER = opt["one-server"];
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error("--runs must be a positive integer");
if (!(SIZE_MB > 0 && SIZE_MB <= 190)) throw new Error("--size-mb must be in (0, 190] (the server here accepts up to 200 MiB)");
if (!(TOTAL_TIMEOUT_S > 0)) throw new Error("--timeout must be a positive number of seconds");

const MiB = 1024 * 1024;
const root = path.resolve(import.meta.dirname, "..");
const ADMIN_URL = process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://amr:amr@127.0.0.1:5432/postgres";
const BUCKET = "amr-bench";
const KEY_PREFIX = "files/";
// One request (100 MiB over loopback) takes seconds; minutes means something is stuck.
const STEP_TIMEOUT_MS = 300_000;
const STARTUP_TIMEOUT_MS = 120_000;
// Lets the previous upload's garbage and sockets settle before a baseline is taken.
const SETTLE_MS = 3000;
const SETTLE_MAX_MS = 20_000;
const CLK_TCK = 100;

const abort = new AbortController();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mb = (kb: number) => kb / 1024;
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
const signed = (n: number) => (n >= 0 ? "+" : "") + fmt(n);
const log = (msg: string) => console.log(`[bench-upload] ${msg}`);

// ---------------------------------------------------------------------------------------------
// Cleanup: registered as resources appear, run once in reverse order on success, failure,
// Ctrl-C or the overall timeout.

const cleanups: { name: string; fn: () => Promise<void> | void }[] = [];
let cleaning: Promise<void> | null = null;
function onCleanup(name: string, fn: () => Promise<void> | void) {
  cleanups.push({ name, fn });
}
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const { name, fn } of cleanups.reverse()) {
      try {
        await Promise.race([fn(), sleep(30_000).then(() => Promise.reject(new Error("timed out")))]);
      } catch (err) {
        console.error(`[bench-upload] cleanup of ${name} failed: ${(err as Error).message}`);
      }
    }
  })();
  return cleaning;
}
for (const [sig, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.once(sig, () => {
    console.error(`[bench-upload] ${sig}: cleaning up`);
    abort.abort(new Error(sig));
    void cleanup().finally(() => process.exit(code));
  });
}

// ---------------------------------------------------------------------------------------------
// Child processes. Each gets a process group of its own so that stopping it reaches anything it
// started too, and its output goes to a log file whose tail is shown when it fails.

interface Child {
  proc: ChildProcess;
  logFile: string;
  name: string;
}

function startChild(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Child {
  const logFile = path.join(logDir, `${name}.log`);
  const fd = openSync(logFile, "a");
  const proc = spawn(cmd, args, { cwd: root, env, detached: true, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  const child = { proc, logFile, name };
  onCleanup(name, () => stopChild(child));
  return child;
}

const running = (p: ChildProcess) => p.exitCode === null && p.signalCode === null;

async function stopChild({ proc }: Child): Promise<void> {
  if (!running(proc) || proc.pid === undefined) return;
  const exited = new Promise((r) => proc.once("exit", r));
  const group = (sig: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  group("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  if (running(proc)) {
    group("SIGKILL");
    await Promise.race([exited, sleep(5_000)]);
  }
}

function tail(child: Child, lines = 30): string {
  try {
    return readFileSync(child.logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function waitFor(what: string, child: Child, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (abort.signal.aborted) throw abort.signal.reason;
    if (!running(child.proc)) throw new Error(`${what} exited (${child.proc.exitCode ?? child.proc.signalCode}):\n${tail(child)}`);
    if (await ready().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} did not become ready within ${STARTUP_TIMEOUT_MS / 1000} s:\n${tail(child)}`);
}

const tcpOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });

// ---------------------------------------------------------------------------------------------
// Memory sampler: a worker thread with its own event loop reads VmRSS of each watched process
// tree every 50 ms into shared memory; the main thread reads the current value, the peak since
// the last reset, and the longest gap between samples (to show the sampler kept its pace).

const SLOT = { serverCur: 0, serverMax: 1, s3Cur: 2, s3Max: 3, samples: 4, maxGapMs: 5, stop: 6, serverPid: 7 } as const;

const SAMPLER_SOURCE = `
const { readFileSync, readdirSync } = require("node:fs");
const { workerData } = require("node:worker_threads");
const { shared, s3Pid, intervalMs } = workerData;
const a = new Int32Array(shared);
function tree(pid) {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let tasks = [];
    try { tasks = readdirSync("/proc/" + out[i] + "/task"); } catch { continue; }
    for (const t of tasks) {
      try {
        for (const c of readFileSync("/proc/" + out[i] + "/task/" + t + "/children", "utf8").split(" ")) if (c) out.push(Number(c));
      } catch {}
    }
  }
  return out;
}
function rssKb(pid) {
  let sum = 0;
  for (const p of tree(pid)) {
    try { sum += Number(/VmRSS:\\s+(\\d+)/.exec(readFileSync("/proc/" + p + "/status", "utf8"))[1]); } catch {}
  }
  return sum;
}
function raise(i, v) {
  for (;;) { const m = Atomics.load(a, i); if (v <= m || Atomics.compareExchange(a, i, m, v) === m) return; }
}
let last = Date.now();
function tick() {
  if (Atomics.load(a, ${SLOT.stop})) return;
  const now = Date.now();
  raise(${SLOT.maxGapMs}, now - last);
  last = now;
  const serverPid = Atomics.load(a, ${SLOT.serverPid});
  const s = serverPid ? rssKb(serverPid) : 0, b = rssKb(s3Pid);
  Atomics.store(a, ${SLOT.serverCur}, s); raise(${SLOT.serverMax}, s);
  Atomics.store(a, ${SLOT.s3Cur}, b); raise(${SLOT.s3Max}, b);
  Atomics.add(a, ${SLOT.samples}, 1);
  setTimeout(tick, Math.max(0, intervalMs - (Date.now() - now)));
}
tick();
`;

class Sampler {
  private readonly a: Int32Array;
  private readonly worker: Worker;
  constructor(s3Pid: number) {
    const shared = new SharedArrayBuffer(8 * 4);
    this.a = new Int32Array(shared);
    this.worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { shared, s3Pid, intervalMs: 50 } });
    this.worker.unref();
  }
  /** Watches another server from now on; returns once a sample of it has been taken. */
  async watch(serverPid: number) {
    Atomics.store(this.a, SLOT.serverPid, serverPid);
    Atomics.store(this.a, SLOT.samples, 0);
    const deadline = Date.now() + 5000;
    while (Atomics.load(this.a, SLOT.samples) < 2 && Date.now() < deadline) await sleep(20);
    if (Atomics.load(this.a, SLOT.samples) < 2) throw new Error("the RSS sampler took no sample");
  }
  /** The mean of the samples over `ms`: a baseline less sensitive to one GC than a single read. */
  async baseline(ms = 500): Promise<{ server: number; s3: number }> {
    let server = 0;
    let s3 = 0;
    let n = 0;
    for (const end = Date.now() + ms; Date.now() < end; n++) {
      server += Atomics.load(this.a, SLOT.serverCur);
      s3 += Atomics.load(this.a, SLOT.s3Cur);
      await sleep(50);
    }
    return { server: server / n, s3: s3 / n };
  }
  /**
   * Waits until the server's RSS stops falling: V8 hands the previous upload's garbage back to
   * the system seconds after it goes idle, and a baseline taken before that hides the next peak.
   */
  async settle(): Promise<void> {
    await sleep(SETTLE_MS);
    const history: number[] = [];
    for (const end = Date.now() + SETTLE_MAX_MS; Date.now() < end; ) {
      history.push(Atomics.load(this.a, SLOT.serverCur));
      // Four readings (2 s) without a fall of more than 1 MiB: as low as it gets for now.
      if (history.length >= 4 && history.at(-4)! - Math.min(...history.slice(-3)) <= 1024) return;
      await sleep(500);
    }
  }
  reset() {
    // The current values are the floor of the new window: a peak can never read below them.
    Atomics.store(this.a, SLOT.serverMax, Atomics.load(this.a, SLOT.serverCur));
    Atomics.store(this.a, SLOT.s3Max, Atomics.load(this.a, SLOT.s3Cur));
    Atomics.store(this.a, SLOT.maxGapMs, 0);
    Atomics.store(this.a, SLOT.samples, 0);
  }
  read() {
    return {
      serverPeak: Atomics.load(this.a, SLOT.serverMax),
      s3Peak: Atomics.load(this.a, SLOT.s3Max),
      samples: Atomics.load(this.a, SLOT.samples),
      maxGapMs: Atomics.load(this.a, SLOT.maxGapMs),
    };
  }
  async stop() {
    Atomics.store(this.a, SLOT.stop, 1);
    await this.worker.terminate();
  }
}

/** User + system CPU seconds of a process tree (utime and stime of /proc/<pid>/stat). */
function treeCpuSeconds(pid: number): number {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const t of readdirSync(`/proc/${pids[i]}/task`)) {
        for (const c of readFileSync(`/proc/${pids[i]}/task/${t}/children`, "utf8").split(" ")) if (c) pids.push(Number(c));
      }
    } catch {
      /* gone */
    }
  }
  let ticks = 0;
  for (const p of pids) {
    try {
      // Fields after the command name, which may itself hold spaces and parentheses.
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ").at(-1)!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone */
    }
  }
  return ticks / CLK_TCK;
}

// ---------------------------------------------------------------------------------------------
// The genome: random bases in 80-column lines over several contigs. The parser refuses more
// than DEFAULT_FASTA_LIMITS.maxBases bases (50 M, not configurable), which 80-column lines reach
// at about 50 MiB; bigger files are filled out with trailing spaces on each sequence line, which
// the parser skips in the same per-byte loop, so every byte costs the server what a base would.

interface Genome {
  file: string;
  name: string;
  size: number;
  sha256: string;
  bases: number;
  contigs: number;
  padPerLine: number;
}

function writeGenome(file: string, targetBytes: number, contigs: number): Omit<Genome, "sha256"> {
  const LINE = 80;
  const maxBases = DEFAULT_FASTA_LIMITS.maxBases - 1000;
  const headerBytes = contigs * 64;
  const plainBases = Math.floor(((targetBytes - headerBytes) * LINE) / (LINE + 1));
  const bases = Math.min(plainBases, maxBases);
  const lines = Math.ceil(bases / LINE);
  const padPerLine = bases < plainBases ? Math.max(0, Math.round((targetBytes - headerBytes - bases - lines) / lines)) : 0;
  const fd = openSync(file, "w", 0o600);
  const ACGT = Buffer.from("ACGT");
  const chunk = Buffer.alloc(4 * MiB);
  let written = 0;
  let used = 0;
  const flush = () => {
    writeSync(fd, chunk, 0, used);
    written += used;
    used = 0;
  };
  try {
    let left = bases;
    for (let c = 0; c < contigs; c++) {
      const n = c === contigs - 1 ? left : Math.floor(bases / contigs);
      left -= n;
      const header = `>contig_${c + 1} bench-upload random sequence len=${n}\n`;
      if (used + header.length > chunk.length) flush();
      used += chunk.write(header, used, "latin1");
      for (let done = 0; done < n; ) {
        const k = Math.min(LINE, n - done);
        if (used + k + padPerLine + 1 > chunk.length) flush();
        const rnd = randomBytes(k);
        for (let i = 0; i < k; i++) chunk[used++] = ACGT[rnd[i] & 3];
        chunk.fill(0x20, used, used + padPerLine);
        used += padPerLine;
        chunk[used++] = 0x0a;
        done += k;
      }
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { file, name: path.basename(file), size: written, bases, contigs, padPerLine };
}

async function sha256Of(file: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest("hex");
}

async function makeGenome(file: string, bytes: number, contigs: number): Promise<Genome> {
  const g = writeGenome(file, bytes, contigs);
  return { ...g, sha256: await sha256Of(file) };
}

// ---------------------------------------------------------------------------------------------
// The two upload paths, as a script would make them (the same calls as scripts/batch-submit.ts).

interface JobDetail {
  id: string;
  status: string;
  input: { fileName: string; sizeBytes: number; sha256: string; contigs: number; bases: number } | null;
}

interface Api {
  base: string;
  token: string;
}

function signal(): AbortSignal {
  return AbortSignal.any([abort.signal, AbortSignal.timeout(STEP_TIMEOUT_MS)]);
}

async function expectJson<T>(res: Response, what: string, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`${what}: HTTP ${res.status} (expected ${status}): ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

async function uploadStreamed(api: Api, g: Genome, jobName: string): Promise<{ job: JobDetail; steps: Record<string, number> }> {
  const form = new FormData();
  form.append("jobName", jobName);
  form.append("file", await openAsBlob(g.file), g.name);
  const res = await fetch(`${api.base}/api/jobs`, { method: "POST", headers: { authorization: `Bearer ${api.token}` }, body: form, signal: signal() });
  return { job: await expectJson<JobDetail>(res, "POST /api/jobs (multipart)", 201), steps: {} };
}

async function uploadDirect(api: Api, g: Genome, jobName: string): Promise<{ job: JobDetail; steps: Record<string, number> }> {
  const json = { authorization: `Bearer ${api.token}`, "content-type": "application/json" };
  const t0 = performance.now();
  const offer = await expectJson<{ uploadId: string; url: string; fields: Record<string, string> }>(
    await fetch(`${api.base}/api/uploads`, { method: "POST", headers: json, body: JSON.stringify({ fileName: g.name, size: g.size }), signal: signal() }),
    "POST /api/uploads",
    201,
  );
  // The bucket must be the local s3rver: this benchmark sends nothing off the machine.
  if (new URL(offer.url).hostname !== "127.0.0.1") throw new Error(`the upload URL is not on loopback: ${offer.url}`);
  const t1 = performance.now();
  const form = new FormData();
  for (const [k, v] of Object.entries(offer.fields)) form.append(k, v);
  form.append("file", await openAsBlob(g.file), g.name); // object stores want the file last
  const sent = await fetch(offer.url, { method: "POST", body: form, signal: signal() });
  const sentBody = await sent.text();
  if (!sent.ok) throw new Error(`POST to the bucket: HTTP ${sent.status}: ${sentBody.slice(0, 500)}`);
  const t2 = performance.now();
  const job = await expectJson<JobDetail>(
    await fetch(`${api.base}/api/jobs`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ uploadId: offer.uploadId, fileName: g.name, jobName }),
      signal: signal(),
    }),
    "POST /api/jobs (confirm)",
    201,
  );
  const t3 = performance.now();
  return { job, steps: { presign: (t1 - t0) / 1000, bucket: (t2 - t1) / 1000, confirm: (t3 - t2) / 1000 } };
}

type PathName = "streamed" | "direct";
const PATHS: Record<PathName, typeof uploadStreamed> = { streamed: uploadStreamed, direct: uploadDirect };

interface Measurement {
  path: PathName;
  seconds: number;
  steps: Record<string, number>;
  baselineKb: number;
  peakKb: number;
  serverCpu: number;
  s3BaselineKb: number;
  s3PeakKb: number;
  samples: number;
  maxGapMs: number;
  jobId: string;
}

// ---------------------------------------------------------------------------------------------

interface Env {
  api: Api;
  db: pg.Client;
  s3: S3Client;
  serverPid: number;
  sampler: Sampler;
}

/** The job as the API returned it, its row and its stored object all say the genome arrived whole. */
async function verifyJob(env: Env, job: JobDetail, g: Genome): Promise<void> {
  const problems: string[] = [];
  if (job.input?.sizeBytes !== g.size) problems.push(`API input.sizeBytes ${job.input?.sizeBytes} ≠ ${g.size}`);
  if (job.input?.sha256 !== g.sha256) problems.push(`API input.sha256 ${job.input?.sha256} ≠ ${g.sha256}`);
  if (job.input?.bases !== g.bases || job.input?.contigs !== g.contigs) {
    problems.push(`API input ${job.input?.contigs} contigs/${job.input?.bases} bases ≠ ${g.contigs}/${g.bases}`);
  }
  const { rows } = await env.db.query<{ input_file_size: number; input_sha256: string; input_file_path: string; status: string }>(
    "SELECT input_file_size, input_sha256, input_file_path, status FROM amr_jobs WHERE id = $1",
    [job.id],
  );
  const row = rows[0];
  if (!row) problems.push("no row in amr_jobs");
  else {
    if (Number(row.input_file_size) !== g.size) problems.push(`row input_file_size ${row.input_file_size} ≠ ${g.size}`);
    if (row.input_sha256 !== g.sha256) problems.push("row input_sha256 differs");
    if (row.status !== "Submitted") problems.push(`row status ${row.status}, expected Submitted (no worker runs here)`);
    const head = await env.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: KEY_PREFIX + row.input_file_path }), { abortSignal: signal() });
    if (head.ContentLength !== g.size) problems.push(`stored ${row.input_file_path} is ${head.ContentLength} bytes ≠ ${g.size}`);
  }
  if (problems.length) throw new Error(`job ${job.id}: ${problems.join("; ")}`);
}

async function listKeys(s3: S3Client, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const res = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, ContinuationToken: token }), { abortSignal: signal() });
    keys.push(...(res.Contents ?? []).map((o) => o.Key!));
    token = res.IsTruncated ? res.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

async function measure(env: Env, name: PathName, g: Genome, jobName: string): Promise<Measurement> {
  await env.sampler.settle();
  const base = await env.sampler.baseline();
  env.sampler.reset();
  const cpu0 = treeCpuSeconds(env.serverPid);
  const t0 = performance.now();
  const { job, steps } = await PATHS[name](env.api, g, jobName);
  const seconds = (performance.now() - t0) / 1000;
  // One more sampling interval, so a peak in the last few milliseconds is not missed.
  await sleep(100);
  const cpu = treeCpuSeconds(env.serverPid) - cpu0;
  const r = env.sampler.read();
  await verifyJob(env, job, g);
  return {
    path: name,
    seconds,
    steps,
    baselineKb: base.server,
    peakKb: r.serverPeak,
    serverCpu: cpu,
    s3BaselineKb: base.s3,
    s3PeakKb: r.s3Peak,
    samples: r.samples,
    maxGapMs: r.maxGapMs,
    jobId: job.id,
  };
}

function describe(m: Measurement): string {
  const split = m.path === "direct" ? ` (presign ${fmt(m.steps.presign, 3)} + bucket ${fmt(m.steps.bucket, 2)} + confirm ${fmt(m.steps.confirm, 2)})` : "";
  return (
    `${m.path.padEnd(8)} ${fmt(m.seconds, 2)} s${split}; server RSS ${fmt(mb(m.baselineKb))} → peak ${fmt(mb(m.peakKb))} MiB ` +
    `(${signed(mb(m.peakKb - m.baselineKb))}), CPU ${fmt(m.serverCpu, 2)} s; s3rver peak ${fmt(mb(m.s3PeakKb))} MiB ` +
    `(${signed(mb(m.s3PeakKb - m.s3BaselineKb))}); ${m.samples} samples, longest gap ${m.maxGapMs} ms`
  );
}

function printTable(all: Measurement[], g: Genome) {
  const of = (p: PathName) => all.filter((m) => m.path === p);
  const row = (p: PathName) => {
    const ms = of(p);
    return {
      time: median(ms.map((m) => m.seconds)),
      base: median(ms.map((m) => mb(m.baselineKb))),
      peak: median(ms.map((m) => mb(m.peakKb))),
      inc: median(ms.map((m) => mb(m.peakKb - m.baselineKb))),
      cpu: median(ms.map((m) => m.serverCpu)),
      mbps: median(ms.map((m) => g.size / MiB / m.seconds)),
    };
  };
  const s = row("streamed");
  const d = row("direct");
  const step = (k: string) => median(of("direct").map((m) => m.steps[k]));
  const line = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(22) : c.padStart(15))).join(""));
  console.log(
    `\nMedians of ${RUNS} run${RUNS > 1 ? "s" : ""}, ${fmt(g.size / MiB)} MiB genome; server RSS: the next-server process tree, sampled every 50 ms, ` +
      (ONE_SERVER ? "one server throughout" : "a fresh, warmed-up server for each measurement"),
  );
  line(["path", "time (s)", "MiB/s", "RSS base", "RSS peak", "RSS +", "server CPU (s)"]);
  line(["streamed (multipart)", fmt(s.time, 2), fmt(s.mbps), fmt(s.base), fmt(s.peak), fmt(s.inc), fmt(s.cpu, 2)]);
  line(["direct (total)", fmt(d.time, 2), fmt(d.mbps), fmt(d.base), fmt(d.peak), fmt(d.inc), fmt(d.cpu, 2)]);
  line(["  1 presign", fmt(step("presign"), 3)]);
  line(["  2 POST to bucket", fmt(step("bucket"), 2)]);
  line(["  3 confirm", fmt(step("confirm"), 2)]);
  line(["direct / streamed", `${fmt(d.time / s.time, 2)}×`, "", "", `${fmt(d.peak / s.peak, 2)}×`, `${fmt(d.inc / s.inc, 2)}×`, `${fmt(d.cpu / s.cpu, 2)}×`]);
  console.log("(RSS in MiB; RSS + = peak − baseline, the median of each run's own difference)");
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`[bench-upload] gave up after ${TOTAL_TIMEOUT_S} s (--timeout): cleaning up`);
    abort.abort(new Error("overall timeout"));
    void cleanup().finally(() => process.exit(1));
  }, TOTAL_TIMEOUT_S * 1000);

  if (!opt["no-build"]) ensureBuild(root, (m) => log(m));
  else if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no production build in .next: run without --no-build");
  const work = mkdtempSync(path.join(tmpdir(), "amr-bench-upload-"));
  onCleanup("temp files", () => rmSync(work, { recursive: true, force: true }));
  // Both servers put their scratch files (s3rver's objects, staged multipart uploads) in here,
  // so removing it leaves nothing behind, and leftovers of the streamed path are visible.
  const s3Tmp = path.join(work, "s3");
  const nextTmp = path.join(work, "next-tmp");
  const logs = path.join(work, "logs");
  for (const d of [s3Tmp, nextTmp, logs]) mkdirSync(d);

  log(`writing a ${SIZE_MB} MiB genome`);
  const t0 = performance.now();
  const genome = await makeGenome(path.join(work, "bench-genome.fa"), Math.round(SIZE_MB * MiB), 12);
  const small = await makeGenome(path.join(work, "warmup.fa"), MiB, 3);
  log(
    `genome: ${genome.size.toLocaleString()} bytes, ${genome.contigs} contigs, ${genome.bases.toLocaleString()} bases` +
      (genome.padPerLine ? ` (80-column lines + ${genome.padPerLine} trailing spaces each: the parser caps bases at ${DEFAULT_FASTA_LIMITS.maxBases.toLocaleString()})` : "") +
      ` in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const s3Port = await freePort();
  const s3 = startChild("s3rver", process.execPath, ["--openssl-legacy-provider", path.join(root, "e2e", "cloud", "s3-server.mjs")], {
    ...process.env,
    E2E_S3_PORT: String(s3Port),
    E2E_S3_BUCKET: BUCKET,
    TMPDIR: s3Tmp,
  }, logs);
  await waitFor("s3rver", s3, () => tcpOpen(s3Port));
  log(`s3rver on 127.0.0.1:${s3Port}`);

  const database = await createScratchDatabase(ADMIN_URL, "amr_bench_upload");
  onCleanup(`database ${database.name}`, () => database.drop());
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  onCleanup("database connection", () => db.end());
  const token = generateTokenSecret();
  const userId = randomUUID();
  await db.query(
    "INSERT INTO users (id, username, username_key, password_hash, role, session_version) VALUES ($1, 'bench_upload', 'bench_upload', $2, 'user', 0)",
    [userId, "$2b$12$benchbenchbenchbenchbenchbenchbenchbenchbenchbenchbench"],
  );
  await db.query("INSERT INTO api_tokens (id, user_id, name, token_hash, prefix) VALUES ($1, $2, 'bench-upload', $3, $4)", [
    randomUUID(),
    userId,
    hashTokenSecret(token),
    displayPrefix(token),
  ]);
  log(`database ${database.name}`);

  const sampler = new Sampler(s3.proc.pid!);
  onCleanup("RSS sampler", () => sampler.stop());
  const s3Client = new S3Client({
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${s3Port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  onCleanup("S3 client", () => s3Client.destroy());

  let server: Child | null = null;
  let servers = 0;
  const env: Env = { api: { base: "", token }, db, s3: s3Client, serverPid: 0, sampler };
  /** Stops the current server, if any, and starts a new one on a new port. */
  async function freshServer(): Promise<void> {
    if (server) await stopChild(server);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startChild(`next-${++servers}`, path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      STORAGE_URL: `s3://${BUCKET}/${KEY_PREFIX}`,
      S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
      S3_FORCE_PATH_STYLE: "true",
      S3_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: "bench-upload-secret-bench-upload-secret-42",
      CRON_SECRET: "bench-upload-cron-secret-0123456789",
      WORKER_ENABLED: "false",
      SCHEDULER_ENABLED: "false",
      UPLOAD_MAX_BYTES: String(200 * MiB),
      UNCOMPRESSED_MAX_BYTES: String(400 * MiB),
      MAX_ACTIVE_JOBS_PER_USER: "1000",
      TMPDIR: nextTmp,
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
      PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
      PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
    }, logs);
    const started = server;
    await waitFor("next start", started, async () => (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) })).ok);
    env.api.base = base;
    env.serverPid = started.proc.pid!;
    await sampler.watch(env.serverPid);
  }

  let warmups = 0;
  /**
   * Both routes, the S3 client and the database pool load lazily: a small genome through each
   * path first, so the measured upload neither pays for loading nor counts its memory.
   */
  async function warmUp(verbose: boolean): Promise<void> {
    for (const p of ["streamed", "direct"] as const) {
      const m = await measure(env, p, small, `warm-up ${p}`);
      warmups++;
      if (verbose) log(`warm-up ${describe(m)}`);
    }
  }

  try {
    log(ONE_SERVER ? "one server for every run (--one-server)" : "a fresh server for each measurement (warmed up with a 1 MiB genome)");
    if (ONE_SERVER) {
      await freshServer();
      await warmUp(true);
    }
    const all: Measurement[] = [];
    for (let run = 1; run <= RUNS; run++) {
      // Alternating the order keeps memory one path leaves behind from always landing on the other.
      const order: PathName[] = run % 2 ? ["streamed", "direct"] : ["direct", "streamed"];
      for (const p of order) {
        if (!ONE_SERVER) {
          await freshServer();
          await warmUp(false);
        }
        const m = await measure(env, p, genome, `bench ${p} ${run}`);
        all.push(m);
        log(`run ${run}/${RUNS} ${describe(m)}`);
      }
    }

    const leftovers = await listKeys(s3Client, `${KEY_PREFIX}uploads/`);
    const inputs = await listKeys(s3Client, `${KEY_PREFIX}inputs/`);
    const staged = readdirSync(nextTmp).filter((n) => n.startsWith("amr-upload-"));
    const { rows } = await db.query<{ n: string }>("SELECT count(*) AS n FROM amr_jobs WHERE input_file_size = $1", [genome.size]);
    log(
      `verified: ${all.length} benchmark jobs (+${warmups} warm-up) with inputFileSize ${genome.size.toLocaleString()} (${rows[0].n} rows), ` +
        `${inputs.length} input objects, ${leftovers.length} objects under uploads/, ${staged.length} staged temp folders left`,
    );
    if (leftovers.length) throw new Error(`objects left under uploads/: ${leftovers.join(", ")}`);
    if (staged.length) throw new Error(`staged multipart temp folders left on the server: ${staged.join(", ")}`);
    if (Number(rows[0].n) !== all.length || inputs.length !== all.length + warmups) throw new Error("job rows or input objects are missing");
    printTable(all, genome);
  } catch (err) {
    if (server) console.error(`[bench-upload] ${(server as Child).name} log (tail):\n${tail(server)}`);
    throw err;
  } finally {
    clearTimeout(watchdog);
  }
}

main()
  .then(() => cleanup())
  .then(() => process.exit(0))
  .catch(async (err) => {
    console.error(`[bench-upload] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await cleanup();
    process.exit(1);
  });
