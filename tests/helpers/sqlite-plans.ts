import Database from "better-sqlite3";
import { afterAll, beforeAll } from "vitest";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { parameterNames, positionalText } from "@/lib/db/named-params";
import { createTestDb, type TestDb } from "./test-db";

const makeClient = (url: string) => new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }), log: [{ emit: "event", level: "query" }] as const });
type LoggingClient = ReturnType<typeof makeClient>;
export interface LoggedQuery {
  query: string;
  params: unknown[];
}

/**
 * A SQLite test database for the query-plan tests: a Prisma client that logs the SQL it really
 * emits, and EXPLAIN QUERY PLAN over a read-only connection. Call at a test file's top level.
 */
export function withSqlitePlans() {
  let t: TestDb;
  let client: LoggingClient;
  let raw: Database.Database;
  let logged: LoggedQuery[] = [];

  beforeAll(async () => {
    t = await createTestDb();
    client = makeClient(t.url);
    client.$on("query", (e) => logged.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
    raw = new Database(t.file, { readonly: true });
  });
  afterAll(async () => {
    raw.close();
    await client.$disconnect();
    await t.close();
  });

  const plan = (sql: string, params: unknown[] = []): string =>
    (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join("\n");

  return {
    get client(): LoggingClient {
      return client;
    },
    plan,
    /** A dialect statement with every named parameter bound to a placeholder value. */
    planNamed: (sql: string): string => plan(positionalText(sql), parameterNames(sql).map(() => "x")),
    /** The queries `run` sent (it is awaited; a failure is the caller's to handle). */
    async queriesOf(run: () => Promise<unknown>): Promise<LoggedQuery[]> {
      logged = [];
      await run();
      return logged;
    },
  };
}
