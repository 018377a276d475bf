import { describe, expect, it } from "vitest";
import { COLLECTION_MEMBERS_DIGEST_SQL } from "@/lib/db/sqlite/statements";
import { listCollections } from "@/lib/collections/repository";
import { resolveShare } from "@/lib/shares/resolve";
import { withSqlitePlans } from "../helpers/sqlite-plans";
import { seedUser } from "../helpers/test-db";

// The collection and share queries that run on every page view and poll: EXPLAIN QUERY PLAN on
// the SQL Prisma really emits, so a missing index fails here rather than on a 1 000-genome page.
const db = withSqlitePlans();

async function plansOf(run: () => Promise<unknown>, match: RegExp): Promise<string> {
  const hits = (await db.queriesOf(() => run().catch(() => undefined))).filter((l) => match.test(l.query));
  if (hits.length === 0) throw new Error(`no query matching ${match}`);
  return hits.map((q) => db.plan(q.query, q.params)).join("\n---\n");
}

const scan = (table: string) => new RegExp(`SCAN (main\\.)?${table}(?! USING)`);

describe("SQLite query plans of collections and share links", () => {
  it("the matrix cache key (every poll of a collection page) reads members through their keys", () => {
    const p = db.planNamed(COLLECTION_MEMBERS_DIGEST_SQL);
    expect(p).toMatch(/cj USING (COVERING )?INDEX sqlite_autoindex_collection_jobs_1 \(collection_id=\?\)/);
    expect(p).toMatch(/SEARCH j USING INDEX sqlite_autoindex_amr_jobs_1 \(id=\?\)/);
    expect(p).not.toMatch(/SCAN/);
  });

  it("a user's collections, and a share token's lookup", async () => {
    const u = await seedUser(db.client);
    const list = await plansOf(() => listCollections(db.client, u.id), /FROM `main`.`collections`/);
    expect(list).toMatch(/idx_collections_user_created|uq_collections_user_name/);
    expect(list).not.toMatch(scan("collections"));
    const token = await plansOf(() => resolveShare(db.client, "A".repeat(43)), /FROM `main`.`share_links`/);
    expect(token).toMatch(/share_links USING INDEX sqlite_autoindex_share_links|share_links_token_hash_key/);
    expect(token).not.toMatch(scan("share_links"));
  });
});
