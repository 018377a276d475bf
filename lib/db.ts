import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/generated/prisma-pg/client";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { withDbTiming } from "@/lib/metrics/db-timing";
import { timedPort } from "@/lib/metrics/timed-port";
import type { Dialect, SqlPort } from "@/lib/db/port";
import { createSqlitePort } from "@/lib/db/sqlite/sqlite-port";
import { createPostgresPort } from "@/lib/db/postgres/postgres-port";

/**
 * The application's database handle. Models go through Prisma (`db.amrJob…`); every statement
 * Prisma cannot express goes through `sqlOf(db)` (lib/db/port.ts). Both dialects' generated
 * clients have the same models (a test keeps the schemas identical), so one type serves both.
 */
export type Db = PrismaClient;
export type { Dialect };

export interface DbOptions {
  synchronous?: "FULL" | "NORMAL" | "EXTRA";
  busyTimeoutMs?: number;
  /** Time every operation into the metrics registry, logging those slower than this. */
  slowQueryMs?: number;
  /** PostgreSQL: connections in this process's pool. */
  poolSize?: number;
}

/** SQLite PRAGMAs every connection gets; see README "Database" for why these values. */
export function connectionPragmas(opts: DbOptions = {}): string {
  const busy = Math.max(5000, opts.busyTimeoutMs ?? 5000);
  return [
    "PRAGMA journal_mode = WAL",
    `PRAGMA synchronous = ${opts.synchronous ?? "FULL"}`,
    `PRAGMA busy_timeout = ${busy}`,
    "PRAGMA foreign_keys = ON",
  ].join(";\n");
}

export function dialectOfUrl(url: string): Dialect {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error("The database URL must be postgresql://… or file:…");
}

// Each client carries its SQL port. On the client object itself, not in a module-level map:
// Next bundles lib/db into several server chunks (instrumentation, each route), and a client made
// by one copy must still be found by the others.
const PORT = Symbol.for("amr-predictor.sql-port");

/** The dialect-specific statements of a client made by createDb. */
export function sqlOf(db: Db): SqlPort {
  const port = (db as unknown as Record<symbol, SqlPort | undefined>)[PORT];
  if (!port) throw new Error("This Prisma client was not made by createDb");
  return port;
}

/** A client and its SQL port on one database: `file:…` (SQLite) or `postgresql://…`. */
export function createDb(url: string, opts: DbOptions = {}): Db {
  return dialectOfUrl(url) === "postgres" ? createPostgres(url, opts) : createSqlite(url, opts);
}

function finish(client: PrismaClient, port: SqlPort, opts: DbOptions): Db {
  const timed = opts.slowQueryMs === undefined ? client : withDbTiming(client, { slowMs: opts.slowQueryMs });
  Object.defineProperty(timed, PORT, { value: opts.slowQueryMs === undefined ? port : timedPort(port) });
  return timed;
}

function createSqlite(url: string, opts: DbOptions): Db {
  const factory = new PrismaBetterSQLite3({ url, timeout: Math.max(5000, opts.busyTimeoutMs ?? 5000) });
  let connection: BetterSqlite3.Database | null = null;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript(connectionPragmas(opts));
    // The adapter's own connection: the SQL port prepares its statements on it.
    connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    return adapter;
  };
  const client = new PrismaClient({ adapter: factory });
  const port = createSqlitePort(
    async () => {
      if (!connection) await client.$connect();
      return connection!;
    },
    () => client.$disconnect(),
  );
  return finish(client, port, opts);
}

function createPostgres(url: string, opts: DbOptions): Db {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", (err) => log().error({ err: { message: err.message } }, "idle PostgreSQL connection lost"));
  // disposeExternalPool: $disconnect ends the pool too, so closing the client closes everything.
  const client = new PgPrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as PrismaClient;
  const port = createPostgresPort(pool, url, async () => {
    await client.$disconnect();
    if (!pool.ended) await pool.end().catch(() => undefined);
  });
  return finish(client, port, opts);
}

/** The configured database's URL: DATABASE_URL (PostgreSQL) or DATABASE_FILE (SQLite). */
export function configuredDatabaseUrl(): string {
  const env = getEnv();
  return env.DATABASE_URL ?? env.DATABASE_FILE;
}

// On globalThis so `next dev` hot reloads reuse the client instead of opening a new pool each time.
const globalForPrisma = globalThis as unknown as { amrPrisma?: PrismaClient };

/**
 * The application's client, created on first use (not at import, so `next build` and tests
 * that never touch the default database do not open it).
 */
export function appDb(): Db {
  if (!globalForPrisma.amrPrisma) {
    const env = getEnv();
    globalForPrisma.amrPrisma = createDb(configuredDatabaseUrl(), {
      synchronous: env.SQLITE_SYNCHRONOUS,
      busyTimeoutMs: env.SQLITE_BUSY_TIMEOUT_MS,
      slowQueryMs: env.SLOW_QUERY_MS,
      poolSize: env.DATABASE_POOL_SIZE,
    });
  }
  return globalForPrisma.amrPrisma;
}

/** Points the application client at another database (integration tests use a throwaway one). */
export function overrideAppDb(client: PrismaClient | undefined): void {
  globalForPrisma.amrPrisma = client;
}

/** Closes a client made by createDb, its pool included. */
export async function closeDb(db: Db): Promise<void> {
  await sqlOf(db).close();
}
