import Database from "better-sqlite3";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * Read-only statements for the two queries every authenticated poll runs (the auth row and the
 * job). Through Prisma each costs a fresh statement prepare plus the client's query pipeline,
 * ~18 % of the server's CPU under polling load; here they are prepared once on a read-only
 * connection to the same SQLite file (WAL lets it read while the Prisma connection writes).
 * Everything else, and every write, goes through the one Prisma client.
 */
interface HotReader {
  db: Database.Database;
  statements: Map<string, Database.Statement>;
}

const g = globalThis as unknown as {
  amrHotFiles?: WeakMap<object, string>;
  amrHotReaders?: Map<string, HotReader>;
};
const files = () => (g.amrHotFiles ??= new WeakMap());
const readers = () => (g.amrHotReaders ??= new Map());

/** Called by createPrisma: which file a client talks to. */
export function registerClientFile(client: PrismaClient, url: string): void {
  files().set(client, url.replace(/^file:/, ""));
}

function readerFor(client: PrismaClient): HotReader | null {
  const file = files().get(client);
  if (!file) return null;
  let reader = readers().get(file);
  if (!reader) {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    reader = { db, statements: new Map() };
    readers().set(file, reader);
  }
  return reader;
}

/**
 * Runs a read-only SELECT with a cached statement on the client's file; null when the client's
 * file is unknown (then the caller uses Prisma).
 */
export function hotGet<T>(client: PrismaClient, sql: string, ...params: unknown[]): T | undefined | null {
  const reader = readerFor(client);
  if (!reader) return null;
  let stmt = reader.statements.get(sql);
  if (!stmt) {
    stmt = reader.db.prepare(sql);
    reader.statements.set(sql, stmt);
  }
  return stmt.get(...params) as T | undefined;
}

/** Closes the read-only connection to a file (tests delete their databases). */
export function closeHotReader(url: string): void {
  const file = url.replace(/^file:/, "");
  readers().get(file)?.db.close();
  readers().delete(file);
}
