// Several machines on one PostgreSQL database and one shared storage directory, as deployed:
// two `next start` web servers (no in-process worker, no scheduler) and two `npm run worker`
// processes. Everything goes through HTTP as a browser or script would, except what only the
// database can tell (who holds a lease), which the test reads as an operator would.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/amr/catalog";
import type { AmrResult } from "@/lib/amr/types";
import { createDb, type Db } from "@/lib/db";
import { generateGenome } from "../helpers/genome-generator";
import { databaseUrl, dropTestDatabase, migratePostgres, testServerUrl, withAdmin } from "../helpers/pg-admin";
import { freePort, GiveUp, killHard, liveProcesses, root, startNode, stopGracefully, tail, waitFor, type Proc } from "./processes";

const SECRET = "several-machines-secret-several-machines-0123";
// The documented revocation delay (lib/env.ts AUTH_STATE_CACHE_MS), set explicitly so the printed
// figure can be read against the bound the servers run with.
const AUTH_STATE_CACHE_MS = 2000;
const LEASE_MS = 3000;
const EXAMPLE = "/usr/share/doc/resfinder/examples/data/test_isolate_01.fa.gz";
const PASSWORD = "correct horse battery staple 42";
const TERMINAL = ["Completed", "Error", "Cancelled", "Archived"];

interface Server {
  proc: Proc;
  base: string;
}
interface Worker {
  proc: Proc;
  owner: string;
}
interface Account {
  id: string;
  username: string;
  cookie: string;
}
interface JobView {
  id: string;
  status: string;
  attempts: number;
  progress: number;
  error: string | null;
}

const dbName = `amr_multi_${process.pid}`;
let dbUrl = "";
let work = "";
let storageDir = "";
let db: Db | undefined;
let servers: Server[] = [];
let workers: Worker[] = [];
const everyProcess: Proc[] = [];
let user: Account;
let admin: Account;
let failed = false;

const ms = (t0: number) => Math.round(performance.now() - t0);

function api(server: Server, who: Account, route: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("cookie", who.cookie);
  if ((init.method ?? "GET") !== "GET") headers.set("origin", server.base);
  return fetch(server.base + route, { ...init, headers, redirect: "manual" });
}

async function register(server: Server, username: string): Promise<string> {
  const res = await fetch(`${server.base}/api/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.base },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** NextAuth's credentials flow as the login form drives it: csrf cookie and token, then the callback. */
async function signIn(server: Server, username: string): Promise<string | null> {
  const csrf = await fetch(`${server.base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${server.base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; "), origin: server.base },
    body: new URLSearchParams({ csrfToken, username, password: PASSWORD, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  return session ? session.split(";")[0] : null;
}

async function upload(server: Server, who: Account, file: { name: string; data: Uint8Array }, jobName: string): Promise<JobView> {
  const form = new FormData();
  form.append("file", new Blob([file.data as BlobPart]), file.name);
  form.append("jobName", jobName);
  const res = await api(server, who, "/api/jobs", { method: "POST", body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as JobView;
}

/** Polls one server's job endpoint until the job is finished one way or another. */
function finished(server: Server, who: Account, id: string, timeoutMs: number): Promise<JobView> {
  return waitFor(
    `job ${id} to finish, polled on ${server.proc.name}`,
    async () => {
      const res = await api(server, who, `/api/jobs/${id}`);
      if (res.status !== 200) throw new Error(`GET /api/jobs/${id}: ${res.status} ${await res.text()}`);
      const job = (await res.json()) as JobView;
      return TERMINAL.includes(job.status) ? job : undefined;
    },
    { timeoutMs, everyMs: 100, watch: [server.proc] },
  );
}

async function results(server: Server, who: Account, id: string): Promise<AmrResult> {
  const res = await api(server, who, `/api/jobs/${id}/results?format=json`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as AmrResult;
}

/**
 * A genome whose run lasts seconds, not the fraction of a second a real isolate takes: copies of a
 * generated gene-dense genome (every copy a full set of alignments). Its calls are known exactly.
 */
async function denseGenome(copies: number) {
  const catalog = await loadCatalog(process.env.AMR_DB_DIR ?? "/usr/share/resfinder/db");
  const one = generateGenome(catalog, { seed: 11, contigs: 10, contigLength: 0, genesPerContig: 10 });
  const fasta: string[] = [];
  const calls: string[] = [];
  for (let c = 0; c < copies; c++) {
    fasta.push(one.fasta.replace(/^>/gm, `>copy${c}_`));
    for (const i of one.insertions.filter((i) => i.called)) calls.push(`${i.refId} copy${c}_${i.contig}:${i.start}-${i.end}${i.strand}`);
  }
  return { data: Buffer.from(fasta.join("")), bases: one.bases * copies, calls: calls.sort() };
}

function nodeEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    ...(process.env.AMR_DB_DIR ? { AMR_DB_DIR: process.env.AMR_DB_DIR } : {}),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: dbUrl,
    STORAGE_DIR: storageDir,
    NEXTAUTH_SECRET: SECRET,
    AMR_CACHE_DIR: path.join(work, "catalog-cache"),
    ...extra,
  };
}

function startServer(n: number, port: number): Server {
  const base = `http://127.0.0.1:${port}`;
  const proc = startNode(
    `server ${n}`,
    [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    nodeEnv({
      NEXTAUTH_URL: base,
      WORKER_ENABLED: "false",
      SCHEDULER_ENABLED: "false",
      AUTH_STATE_CACHE_MS: String(AUTH_STATE_CACHE_MS),
    }),
  );
  everyProcess.push(proc);
  return { proc, base };
}

function startWorker(n: number): Worker {
  const proc = startNode(
    `worker ${n}`,
    ["--import", "tsx", path.join(root, "scripts", "worker.ts")],
    nodeEnv({ WORKER_LEASE_MS: String(LEASE_MS), WORKER_CONCURRENCY: "1", AMR_WORKER_PATH: process.env.AMR_WORKER_PATH! }),
  );
  everyProcess.push(proc);
  return { proc, owner: "" };
}

beforeAll(async () => {
  const t0 = performance.now();
  try {
    work = mkdtempSync(path.join(tmpdir(), "amr-multi-"));
    storageDir = path.join(work, "storage");
    dbUrl = databaseUrl(testServerUrl(), dbName);
    await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
    await migratePostgres(dbUrl);
    db = createDb(dbUrl);

    const ports = [await freePort()];
    while (ports.length < 2) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    servers = ports.map((port, i) => startServer(i + 1, port));
    workers = [startWorker(1), startWorker(2)];
    await Promise.all(
      servers.map((s) =>
        waitFor(`${s.proc.name} to answer /api/health`, async () => ((await fetch(`${s.base}/api/health`)).ok ? true : undefined), {
          timeoutMs: 60_000,
          everyMs: 200,
          watch: [s.proc],
        }),
      ),
    );
    for (const w of workers) {
      w.owner = await waitFor(`${w.proc.name} to start`, () => /\[worker\] (\S+) started/.exec(w.proc.output())?.[1], {
        timeoutMs: 60_000,
        watch: [w.proc],
      });
    }
    console.log(`[multi] 2 servers and 2 workers up in ${ms(t0)} ms`);

    // The first admin can only be made on the database (npm run user:create -- --admin does this).
    const suffix = process.pid.toString(36);
    const userId = await register(servers[0], `alice${suffix}`);
    const adminId = await register(servers[1], `root${suffix}`);
    await db.user.update({ where: { id: adminId }, data: { role: "admin" } });
    const userCookie = await signIn(servers[0], `alice${suffix}`);
    const adminCookie = await signIn(servers[0], `root${suffix}`);
    expect(userCookie && adminCookie).toBeTruthy();
    user = { id: userId, username: `alice${suffix}`, cookie: userCookie! };
    admin = { id: adminId, username: `root${suffix}`, cookie: adminCookie! };
  } catch (err) {
    for (const p of everyProcess) console.error(tail(p));
    throw err;
  }
}, 120_000);

afterEach(({ task }) => {
  if (task.result?.state === "fail") failed = true;
});

afterAll(async () => {
  await Promise.all(liveProcesses().map((p) => stopGracefully(p)));
  if (failed) for (const p of everyProcess) console.error(tail(p));
  await db?.$disconnect();
  if (dbUrl) await dropTestDatabase(dbName);
  if (work) rmSync(work, { recursive: true, force: true });
}, 60_000);

describe("two web servers and two workers on one PostgreSQL database", () => {
  it("runs a genome uploaded on server 1, shows it Completed on server 2, and serves its results on server 1", async () => {
    const t0 = performance.now();
    const job = await upload(servers[0], user, { name: "test_isolate_01.fa.gz", data: readFileSync(EXAMPLE) }, "isolate 01");
    const done = await finished(servers[1], user, job.id, 60_000);
    console.log(`[multi] isolate 01: upload to Completed (seen on server 2) in ${ms(t0)} ms`);
    expect(done).toMatchObject({ status: "Completed", attempts: 1, progress: 100, error: null });

    const result = await results(servers[0], user, job.id);
    expect(result.genes.map((g) => g.refId)).toEqual(["blaB-2_1_AF189300"]);
    expect(result.phenotypes.filter((p) => p.phenotype === "Resistant").map((p) => p.antibiotic).sort()).toEqual([
      "amoxicillin",
      "ampicillin",
      "ticarcillin",
    ]);
    const list = await api(servers[1], user, "/api/jobs");
    expect(((await list.json()) as { items: JobView[] }).items.map((j) => j.id)).toEqual([job.id]);
  });

  it("completes, exactly once, on the other worker a job whose worker machine died mid-run", async () => {
    const genome = await denseGenome(80);
    const t0 = performance.now();
    const job = await upload(servers[1], user, { name: "dense.fa", data: genome.data }, "dense");

    // Killed once the engine process has read the genome and reported (any progress), with the
    // whole search still ahead: a kill before the claim or after completion would prove nothing.
    const running = await waitFor(
      "a worker's engine to be running the job",
      async () => {
        const row = await db!.amrJob.findUniqueOrThrow({ where: { id: job.id } });
        if (!["Submitted", "Processing"].includes(row.status)) throw new GiveUp(`the job ended (${row.status}) before a worker could be killed`);
        return row.status === "Processing" && row.progress > 0 ? row : undefined;
      },
      { timeoutMs: 60_000, everyMs: 20, watch: workers.map((w) => w.proc) },
    );
    const victim = workers.find((w) => w.owner === running.leaseOwner);
    const survivor = workers.find((w) => w !== victim)!;
    expect(victim, `lease owner ${running.leaseOwner} is none of ${workers.map((w) => w.owner)}`).toBeDefined();
    const claimedAfter = ms(t0);
    expect(await killHard(victim!.proc)).toEqual({ code: null, signal: "SIGKILL" });
    const killedAt = performance.now();
    const afterKill = await db!.amrJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(afterKill).toMatchObject({ status: "Processing", leaseOwner: victim!.owner, attempts: 1, resultFilePath: null });

    const done = await finished(servers[0], user, job.id, 90_000);
    console.log(
      `[multi] dense (${genome.bases} bases): killed ${victim!.proc.name} at ${claimedAfter} ms (progress ${running.progress} %), ` +
        `Completed on ${survivor.proc.name} ${ms(killedAt)} ms after the kill (lease ${LEASE_MS} ms)`,
    );
    expect(done).toMatchObject({ status: "Completed", attempts: 2, progress: 100, error: null });

    const claims = (w: Worker) => w.proc.output().split("\n").filter((l) => l.includes(`job ${job.id}`));
    // The worker logs a job's outcome just after committing it, so that line can reach this process
    // through the pipe a moment after the Completed row has been seen.
    await waitFor("the survivor's log line of the job's completion", () => (claims(survivor).some((l) => l.includes(`job ${job.id} → Completed`)) ? true : undefined), {
      timeoutMs: 10_000,
      watch: [survivor.proc],
    });
    expect(claims(victim!)).toEqual([expect.stringContaining(`claimed job ${job.id} (attempt 1)`)]);
    expect(claims(survivor)).toEqual([
      expect.stringContaining(`job ${job.id}: lease expired → Submitted`),
      expect.stringContaining(`claimed job ${job.id} (attempt 2)`),
      expect.stringContaining(`job ${job.id} → Completed`),
    ]);

    // One result set: the surviving attempt's, and nothing of the dead one's.
    const row = await db!.amrJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(readdirSync(path.join(storageDir, "results", job.id))).toEqual([row.resultFilePath!.split("/")[2]]);
    const result = await results(servers[0], user, job.id);
    expect(result.input.bases).toBe(genome.bases);
    expect(result.genes.map((g) => `${g.refId} ${g.contig}:${g.start}-${g.end}${g.strand}`).sort()).toEqual(genome.calls);
  });

  it("locks a user disabled on server 1 out of server 2 once its cached auth row expires", async () => {
    // Server 2 has just loaded the user's auth row, so it may trust it for the longest: the worst case.
    expect((await api(servers[1], user, "/api/jobs")).status).toBe(200);
    const t0 = performance.now();
    const res = await api(servers[0], admin, `/api/admin/users/${user.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ disabled: true }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ id: user.id, disabled: true });
    const patchMs = ms(t0);
    // The server that made the change forgets its cached row at once.
    expect((await api(servers[0], user, "/api/jobs")).status).toBe(401);

    const seen: number[] = [];
    const delay = await waitFor(
      "server 2 to refuse the disabled user",
      async () => {
        const status = (await api(servers[1], user, "/api/jobs")).status;
        seen.push(status);
        return status === 401 ? ms(t0) : undefined;
      },
      { timeoutMs: 10_000, everyMs: 20, watch: [servers[1].proc] },
    );
    console.log(`[multi] revocation: PATCH took ${patchMs} ms; server 2 refused after ${delay} ms (cache ${AUTH_STATE_CACHE_MS} ms)`);
    // Until then server 2 answered as before, never an error; the delay itself is a printed figure
    // (the cache's expiry is unit-tested with a clock in tests/unit/auth/auth-state-cache.test.ts).
    expect(seen.slice(0, -1).filter((s) => s !== 200)).toEqual([]);
    expect(await signIn(servers[1], user.username)).toBeNull();
  });

  it("stops every remaining process on SIGTERM, the worker handing back nothing", async () => {
    const survivors = liveProcesses();
    expect(survivors.map((p) => p.name).sort()).toEqual(["server 1", "server 2", expect.stringMatching(/^worker [12]$/)]);
    const exits = await Promise.all(survivors.map(async (p) => ({ name: p.name, ...(await stopGracefully(p)) })));
    for (const e of exits) expect(e, e.name).toMatchObject({ forced: false });
    const worker = survivors.find((p) => p.name.startsWith("worker"))!;
    expect(exits.find((e) => e.name === worker.name)).toMatchObject({ code: 0 });
    expect(worker.output()).toContain("SIGTERM: releasing 0 running job(s)");
  });
});
