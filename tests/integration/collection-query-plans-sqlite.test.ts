import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { parameterNames, positionalText } from "@/lib/db/named-params";
import { COLLECTION_MEMBERS_DIGEST_SQL } from "@/lib/db/sqlite/statements";
import { listCollections } from "@/lib/collections/repository";
import { resolveShare } from "@/lib/shares/resolve";
import { createTestDb, seedUser, type TestDb } from "../helpers/test-db";

// The collection and share queries that run on every page view and poll: EXPLAIN QUERY PLAN on
// the SQL Prisma really emits, so a missing index fails here rather than on a 1 000-genome page.
let t: TestDb;
let logged: { query: string; params: unknown[] }[] = [];
const makeClient = (url: string) => new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }), log: [{ emit: "event", level: "query" }] as const });
let client: ReturnType<typeof makeClient>;
let raw: Database.Database;

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

async function plansOf(run: () => Promise<unknown>, match: RegExp): Promise<string> {
  logged = [];
  await run().catch(() => undefined);
  const hits = logged.filter((l) => match.test(l.query));
  if (hits.length === 0) throw new Error(`no query matching ${match}`);
  return hits.map((q) => (raw.prepare(`EXPLAIN QUERY PLAN ${q.query}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join("\n")).join("\n---\n");
}

const scan = (table: string) => new RegExp(`SCAN (main\\.)?${table}(?! USING)`);

describe("SQLite query plans of collections and share links", () => {
  it("the matrix cache key (every poll of a collection page) reads members through their keys", () => {
    const sql = COLLECTION_MEMBERS_DIGEST_SQL;
    const p = (raw.prepare(`EXPLAIN QUERY PLAN ${positionalText(sql)}`).all(...parameterNames(sql).map(() => "x")) as { detail: string }[]).map((r) => r.detail).join("\n");
    expect(p).toMatch(/cj USING (COVERING )?INDEX sqlite_autoindex_collection_jobs_1 \(collection_id=\?\)/);
    expect(p).toMatch(/SEARCH j USING INDEX sqlite_autoindex_amr_jobs_1 \(id=\?\)/);
    expect(p).not.toMatch(/SCAN/);
  });

  it("a user's collections, and a share token's lookup", async () => {
    const u = await seedUser(client);
    const list = await plansOf(() => listCollections(client, u.id), /FROM `main`.`collections`/);
    expect(list).toMatch(/idx_collections_user_created|uq_collections_user_name/);
    expect(list).not.toMatch(scan("collections"));
    const token = await plansOf(() => resolveShare(client, "A".repeat(43)), /FROM `main`.`share_links`/);
    expect(token).toMatch(/share_links USING INDEX sqlite_autoindex_share_links|share_links_token_hash_key/);
    expect(token).not.toMatch(scan("share_links"));
  });
});
