import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { registerClientFile } from "@/lib/db-hot-read";
import { withDbTiming } from "@/lib/metrics/db-timing";

export type Db = PrismaClient;

export interface SqliteOptions {
  synchronous?: "FULL" | "NORMAL" | "EXTRA";
  busyTimeoutMs?: number;
  /** Time every operation into the metrics registry, logging those slower than this. */
  slowQueryMs?: number;
}

/** PRAGMAs every connection gets; see README "Database" for why these values. */
export function connectionPragmas(opts: SqliteOptions = {}): string {
  const busy = Math.max(5000, opts.busyTimeoutMs ?? 5000);
  return [
    "PRAGMA journal_mode = WAL",
    `PRAGMA synchronous = ${opts.synchronous ?? "FULL"}`,
    `PRAGMA busy_timeout = ${busy}`,
    "PRAGMA foreign_keys = ON",
  ].join(";\n");
}

/** A client on one SQLite file; the adapter opens one connection and we configure it first. */
export function createPrisma(url: string, opts: SqliteOptions = {}): PrismaClient {
  const factory = new PrismaBetterSQLite3({ url, timeout: Math.max(5000, opts.busyTimeoutMs ?? 5000) });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript(connectionPragmas(opts));
    return adapter;
  };
  const client = new PrismaClient({ adapter: factory });
  const result = opts.slowQueryMs === undefined ? client : withDbTiming(client, { slowMs: opts.slowQueryMs });
  registerClientFile(result, url);
  return result;
}

const globalForPrisma = globalThis as unknown as { amrPrisma?: PrismaClient };

function defaultClient(): PrismaClient {
  if (!globalForPrisma.amrPrisma) {
    const env = getEnv();
    globalForPrisma.amrPrisma = createPrisma(env.DATABASE_FILE, {
      synchronous: env.SQLITE_SYNCHRONOUS,
      busyTimeoutMs: env.SQLITE_BUSY_TIMEOUT_MS,
      slowQueryMs: env.SLOW_QUERY_MS,
    });
  }
  return globalForPrisma.amrPrisma;
}

/**
 * The one application client, created on first use (not at import, so `next build` and tests
 * that never touch the default database do not open it). Cached on globalThis across hot reloads.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = defaultClient();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** The real client behind `prisma` (the proxy itself is not a client the hot reader knows). */
export function resolveClient(db: Db): PrismaClient {
  return db === prisma ? defaultClient() : db;
}

/** Points the application client at another database (integration tests use a throwaway file). */
export function overrideDefaultPrisma(client: PrismaClient | undefined): void {
  globalForPrisma.amrPrisma = client;
}
