// `npm run torture [-- --kills 200 --seed 1 --min-ms 300 --max-ms 3000]`: the kill -9 loop.
// Starts a real server process (scripts/lib/torture-target.ts: the upload use case over HTTP and
// the job worker) on a fresh SQLite database and storage directory, uploads genomes to it without
// pause, SIGKILLs it at a seeded random moment, and after each kill checks the database file:
// PRAGMA integrity_check = ok, PRAGMA foreign_key_check empty, every job acknowledged with a 201
// present with its parameters and its stored genome, every Completed job with its result files.
// Exits 1 at the first failed check.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { seededRandom } from "@/lib/seeded-random";
import { migrateFile } from "./lib/migrate-file";

const { values: args } = parseArgs({
  options: {
    kills: { type: "string", default: "200" },
    seed: { type: "string", default: "1" },
    "min-ms": { type: "string", default: "300" },
    "max-ms": { type: "string", default: "3000" },
    keep: { type: "boolean", default: false },
  },
});
const kills = Number(args.kills);
const minMs = Number(args["min-ms"]);
const maxMs = Number(args["max-ms"]);
const random = seededRandom(Number(args.seed));
const root = path.resolve(import.meta.dirname, "..");

const dir = mkdtempSync(path.join(tmpdir(), "amr-torture-"));
const dbFile = path.join(dir, "torture.db");
const storageDir = path.join(dir, "storage");
migrateFile(dbFile);
const userId = crypto.randomUUID();
{
  const db = new Database(dbFile);
  db.prepare("INSERT INTO users (id, username, password_hash, role) VALUES (?, 'torture', 'x', 'user')").run(userId);
  db.close();
}

const genome = (n: number) => `>contig${n}\n${"ACGT".repeat(400 + (n % 50))}\n`;
const acknowledged: string[] = [];
let attempted = 0;

/** One round: start the server, upload until the kill, return when it is dead. */
async function round(killAfterMs: number): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "lib", "torture-target.ts")], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      // Not "production": that would demand a NEXTAUTH_SECRET this server never uses.
      NODE_ENV: "test",
      DATABASE_FILE: `file:${dbFile}`,
      STORAGE_DIR: storageDir,
      WORKER_LEASE_MS: "2000",
      SLOW_QUERY_MS: "600000",
      TORTURE_USER_ID: userId,
    },
  });
  const exited = once(child, "exit");
  let out = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    void exited.then(() => reject(new Error(`the server exited before listening:\n${out}`)));
  });
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill("SIGKILL");
  }, killAfterMs);
  // Two uploads in flight at a time until the kill.
  const uploader = async () => {
    while (!killed) {
      const n = attempted++;
      const form = new FormData();
      form.append("file", new Blob([genome(n)]), `g${n}.fa`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/jobs`, { method: "POST", body: form });
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        else if (!killed) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
      } catch (err) {
        if (!killed) throw err;
      }
    }
  };
  await Promise.all([uploader(), uploader()]);
  clearTimeout(timer);
  await exited;
}

interface Check {
  integrity: string;
  foreignKeys: number;
  missing: string[];
  missingFiles: string[];
  rows: number;
  byStatus: Record<string, number>;
}

function check(): Check {
  const db = new Database(dbFile, { readonly: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true }) as string;
    const foreignKeys = (db.pragma("foreign_key_check") as unknown[]).length;
    const present = new Set(
      (db.prepare("SELECT j.id FROM amr_jobs j JOIN amr_job_params p ON p.job_id = j.id").all() as { id: string }[]).map((r) => r.id),
    );
    const missing = acknowledged.filter((id) => !present.has(id));
    // Every queued or finished job still has the genome it was acknowledged with (file before row).
    const inputs = db.prepare("SELECT id, input_file_path AS path FROM amr_jobs WHERE input_file_path IS NOT NULL").all() as { id: string; path: string }[];
    const missingFiles = inputs.filter((r) => !existsSync(path.join(storageDir, r.path))).map((r) => r.id);
    // Every Completed job has its result files (written before the completing UPDATE).
    const completed = db.prepare("SELECT id, result_file_path AS path FROM amr_jobs WHERE status = 'Completed'").all() as { id: string; path: string }[];
    missingFiles.push(...completed.filter((r) => !existsSync(path.join(storageDir, r.path, "result.json"))).map((r) => r.id));
    const byStatus = Object.fromEntries(
      (db.prepare("SELECT status, COUNT(*) AS n FROM amr_jobs GROUP BY status").all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
    );
    return { integrity, foreignKeys, missing, missingFiles, rows: present.size, byStatus };
  } finally {
    db.close();
  }
}

const started = performance.now();
let failure: string | null = null;
let last: Check | null = null;
for (let i = 1; i <= kills && !failure; i++) {
  await round(Math.round(minMs + random() * (maxMs - minMs)));
  last = check();
  if (last.integrity !== "ok") failure = `integrity_check: ${last.integrity}`;
  else if (last.foreignKeys > 0) failure = `foreign_key_check: ${last.foreignKeys} violation(s)`;
  else if (last.missing.length > 0) failure = `${last.missing.length} acknowledged job(s) missing, e.g. ${last.missing[0]}`;
  else if (last.missingFiles.length > 0) failure = `${last.missingFiles.length} job(s) without their genome or results, e.g. ${last.missingFiles[0]}`;
  if (i % 10 === 0 || failure) console.log(`[torture] kill ${i}/${kills}: ${acknowledged.length} acknowledged, ${JSON.stringify(last.byStatus)}`);
}
const seconds = Math.round((performance.now() - started) / 100) / 10;
const summary = { kills, seed: Number(args.seed), acknowledged: acknowledged.length, uploadsAttempted: attempted, rows: last?.rows ?? 0, byStatus: last?.byStatus ?? {}, seconds, ok: !failure, failure };
console.log(JSON.stringify(summary));
if (args.keep || failure) console.log(`[torture] database and storage kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
process.exitCode = failure ? 1 : 0;
