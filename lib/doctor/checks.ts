import { randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { sqlOf, type Db } from "@/lib/db";
import type { Env } from "@/lib/env";
import { listWorkers } from "@/lib/jobs/worker/heartbeats";
import type { Storage } from "@/lib/storage";

// `npm run doctor`: checks a deployment's configuration from the machine it runs on and says
// what is wrong in words. Each check is a function of injected parts, so tests run them on real
// throwaway databases and stores.

export type Level = "ok" | "warn" | "fail";

export interface Finding {
  check: string;
  level: Level;
  message: string;
}

export function checkSecrets(env: Env): Finding[] {
  const out: Finding[] = [];
  const production = env.NODE_ENV === "production";
  out.push(
    env.NEXTAUTH_SECRET
      ? { check: "secrets", level: "ok", message: "NEXTAUTH_SECRET is set." }
      : { check: "secrets", level: production ? "fail" : "warn", message: "NEXTAUTH_SECRET is not set: a production server refuses to start. Generate one with `openssl rand -base64 32`; every web server needs the same value." },
  );
  if (!env.NEXTAUTH_URL) {
    out.push({ check: "secrets", level: "warn", message: "NEXTAUTH_URL is not set: password-reset links and secure cookies need the public https:// address." });
  }
  if (!env.SCHEDULER_ENABLED && !env.CRON_SECRET) {
    out.push({ check: "maintenance", level: "warn", message: "SCHEDULER_ENABLED=false and no CRON_SECRET: nothing triggers maintenance (retention, stale jobs, orphan files). Set CRON_SECRET and call GET /api/cron/maintenance, or enable the scheduler on one server." });
  }
  return out;
}

/** The migrations this dialect's folder holds, by name. */
export function committedMigrations(root: string, dialect: "sqlite" | "postgres"): string[] {
  const dir = dialect === "postgres" ? path.join(root, "prisma", "postgres", "migrations") : path.join(root, "prisma", "migrations");
  return readdirSync(dir).filter((n) => /^\d/.test(n)).sort();
}

export async function checkDatabase(db: Db, committed: string[]): Promise<Finding[]> {
  const sql = sqlOf(db);
  const name = sql.dialect === "postgres" ? "PostgreSQL" : "SQLite";
  try {
    await sql.ping();
  } catch (err) {
    return [{ check: "database", level: "fail", message: `The ${name} database does not answer: ${describe(err)}. Check DATABASE_URL / DATABASE_FILE, the server and the network.` }];
  }
  const applied = await sql.appliedMigrations();
  if (applied === null) {
    return [{ check: "database", level: "fail", message: `The ${name} database answers but has no migrations applied: run \`npm run db:deploy\` (npm start does it).` }];
  }
  const missing = committed.filter((m) => !applied.includes(m));
  if (missing.length) {
    return [{ check: "database", level: "fail", message: `The ${name} database lacks ${missing.length} migration(s) (${missing.join(", ")}): run \`npm run db:deploy\` before starting this version.` }];
  }
  return [{ check: "database", level: "ok", message: `The ${name} database answers and has all ${committed.length} migrations.` }];
}

export async function checkStorage(storage: Storage): Promise<Finding[]> {
  const where = storage.kind === "s3" ? "The bucket" : "The storage directory";
  const key = `doctor/${randomUUID()}`;
  const probe = `amr-predictor doctor ${new Date().toISOString()}`;
  try {
    await storage.put(key, probe);
    const back = (await storage.getBuffer(key)).toString("utf8");
    const head = await storage.head(key);
    const listed = await storage.list("doctor/", { limit: 1000 });
    if (back !== probe || head?.size !== Buffer.byteLength(probe) || !listed.objects.some((o) => o.key === key)) {
      return [{ check: "storage", level: "fail", message: `${where} accepted a test file but gave back something else: check the store's configuration.` }];
    }
  } catch (err) {
    return [{ check: "storage", level: "fail", message: `${where} cannot be written and read back: ${describe(err)}. Check STORAGE_URL / STORAGE_DIR, credentials and permissions.` }];
  } finally {
    await storage.delete(key).catch(() => undefined);
  }
  const out: Finding[] = [{ check: "storage", level: "ok", message: `${where} is readable and writable.` }];
  if (storage.kind === "s3") {
    const post = await storage.presignPost(`doctor/${randomUUID()}`, { maxBytes: 1, expiresSeconds: 60 }).catch(() => null);
    out.push(
      post
        ? { check: "storage", level: "ok", message: `Direct uploads are offered (browsers upload to ${storage.uploadOrigin()}; the bucket needs a CORS rule allowing POST from the app's origin).` }
        : { check: "storage", level: "warn", message: "Pre-signed uploads could not be made: browsers will upload through the app instead." },
    );
  }
  return out;
}

export async function checkWorkers(db: Db): Promise<Finding[]> {
  const alive = (await listWorkers(db)).filter((w) => w.alive);
  if (alive.length === 0) {
    return [{ check: "workers", level: "fail", message: "No worker has reported in the last 90 s: jobs stay queued. Start `npm run worker` on a machine with the ResFinder database (or WORKER_ENABLED=true on a server)." }];
  }
  const out: Finding[] = [{ check: "workers", level: "ok", message: `${alive.length} worker(s) alive: ${[...new Set(alive.map((r) => r.host))].join(", ")}.` }];
  for (const r of alive.filter((w) => !w.resfinderOk)) {
    out.push({ check: "workers", level: "fail", message: `Worker ${r.owner} cannot read the ResFinder database on ${r.host}: install resfinder-db there or set AMR_DB_DIR.` });
  }
  return out;
}

export function checkThisMachine(env: Env, root: string): Finding[] {
  const out: Finding[] = [];
  const runsWorker = env.WORKER_ENABLED;
  const db = existsSync(path.join(env.AMR_DB_DIR, "config"));
  out.push(
    db
      ? { check: "engine", level: "ok", message: `The ResFinder database is at ${env.AMR_DB_DIR}.` }
      : { check: "engine", level: runsWorker ? "fail" : "warn", message: `No ResFinder database at ${env.AMR_DB_DIR}${runsWorker ? " and this machine runs a worker" : " (only machines that run workers need it)"}: install resfinder-db or set AMR_DB_DIR.` },
  );
  const bundle = env.AMR_WORKER_PATH ?? path.join(root, "build", "amr-worker.mjs");
  if (runsWorker && !existsSync(bundle)) {
    out.push({ check: "engine", level: "fail", message: `The engine bundle ${bundle} is missing: run \`npm run build:engine\` (npm start does it).` });
  }
  return out;
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return (e?.code ? `${e.code}: ` : "") + (e?.message ?? String(err)).split("\n")[0].slice(0, 200);
}
