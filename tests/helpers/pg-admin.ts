import type pg from "pg";
import { databaseUrl, migratePostgres, whileBusy, withAdmin as withAdminOn } from "../../scripts/lib/migrate-postgres";

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

/** Drops a test database (retried while a server process still holds it). */
export function dropTestDatabase(name: string): Promise<void> {
  return whileBusy(testServerUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** A new database copied from a template (retried while a session is connected to the template). */
export function createFromTemplate(name: string, template: string): Promise<void> {
  return whileBusy(testServerUrl(), `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
}
