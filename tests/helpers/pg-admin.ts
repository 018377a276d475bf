import type pg from "pg";
import { databaseUrl, migratePostgres, withAdmin as withAdminOn } from "../../scripts/lib/migrate-postgres";

export { databaseUrl, migratePostgres };

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

/** Runs `fn` on a short-lived admin connection to the server's maintenance database. */
export function withAdmin<T>(fn: (c: pg.Client) => Promise<T>, server = testServerUrl()): Promise<T> {
  return withAdminOn(server, fn);
}

/**
 * Drops a test database, retrying while a server process still holds it: WITH (FORCE) ends our
 * own leftover connections, but not an autovacuum worker (a superuser process), which finishes
 * on its own within moments.
 */
export async function dropTestDatabase(name: string, attempts = 20): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      return;
    } catch (err) {
      if (i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 100 * i));
    }
  }
}

/**
 * A new database copied from a template. PostgreSQL refuses the copy while any session is
 * connected to the template (an autovacuum worker can be, briefly), so it is retried.
 */
export async function createFromTemplate(name: string, template: string, attempts = 20): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      return;
    } catch (err) {
      if (i >= attempts || !/being accessed by other users/.test(String((err as Error).message))) throw err;
      await new Promise((r) => setTimeout(r, 50 * i));
    }
  }
}
