import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** The same server, another database (the admin URL points at the maintenance database). */
export function databaseUrl(server: string, database: string): string {
  const u = new URL(server);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs `fn` on a short-lived connection to `server` (an admin URL: CREATE/DROP DATABASE). */
export async function withAdmin<T>(server: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Applies every committed PostgreSQL migration to an empty database (tests and benchmarks; no Prisma CLI). */
export async function migratePostgres(url: string, root = path.resolve(import.meta.dirname, "..", "..")): Promise<void> {
  const dir = path.join(root, "prisma", "postgres", "migrations");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const name of readdirSync(dir).filter((n) => /^\d/.test(n)).sort()) {
      await client.query(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    }
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

/**
 * Retries an admin statement that PostgreSQL refuses while another session is in the database
 * (CREATE … TEMPLATE while anyone is connected to the template, DROP while an autovacuum worker,
 * which WITH (FORCE) does not end, is still in it); such a session leaves within moments.
 */
export async function whileBusy(server: string, sql: string, attempts = 20): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await withAdmin(server, (c) => c.query(sql));
      return;
    } catch (err) {
      // The second message: DROP … WITH (FORCE) cannot end an autovacuum worker (a superuser's).
      if (i >= attempts || !/being accessed by other users|must be a member of the role whose process is being terminated/.test(String((err as Error).message))) throw err;
      await new Promise((r) => setTimeout(r, 50 * i));
    }
  }
}

/**
 * A new, uniquely named database on `server`: migrated, or a copy of `template` (PostgreSQL
 * copies a template file by file, far faster than replaying a seed). WITH (FORCE) on drop, so a
 * child process that died holding a connection cannot leave the database behind.
 */
export async function createScratchDatabase(server: string, prefix: string, opts: { template?: string } = {}): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  await whileBusy(server, `CREATE DATABASE "${name}"${opts.template ? ` TEMPLATE "${opts.template}"` : ""}`);
  const url = databaseUrl(server, name);
  if (!opts.template) await migratePostgres(url);
  return { name, url, drop: () => whileBusy(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
