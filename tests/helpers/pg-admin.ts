import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** The server the PostgreSQL run uses (`npm test` starts a local one and sets this). */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      "TEST_DATABASE_URL is not set: point it at a PostgreSQL server where this role may CREATE DATABASE, " +
        "e.g. postgresql://amr:amr@127.0.0.1:5432/postgres (npm test sets it up itself as root on Debian).",
    );
  }
  return url;
}

export function databaseUrl(server: string, database: string): string {
  const u = new URL(server);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs `fn` on a short-lived admin connection to the server's maintenance database. */
export async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>, server = testServerUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Applies every committed PostgreSQL migration to an empty database (tests; no Prisma CLI). */
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
