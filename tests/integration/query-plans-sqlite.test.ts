import { describe, expect, it } from "vitest";
import { CLAIM_SQL, QUEUED_SQL, RECLAIM_SQL } from "@/lib/db/sqlite/statements";
import { encodeCursor } from "@/lib/pagination/keyset";
import { listJobsByUser } from "@/lib/jobs/list-jobs";
import { withSqlitePlans } from "../helpers/sqlite-plans";
import { seedUser } from "../helpers/test-db";

// SQLite: runs the SQL that Prisma really emits, and the dialect's own statements, through
// EXPLAIN QUERY PLAN, so an index change or a query rewrite that falls back to a table scan fails
// here rather than in production. PostgreSQL's twin is query-plans-postgres.test.ts.
const db = withSqlitePlans();
const { plan, planNamed } = db;

async function planOf(run: () => Promise<unknown>, match: RegExp): Promise<string> {
  const q = (await db.queriesOf(run)).find((l) => match.test(l.query));
  if (!q) throw new Error(`no query matching ${match}`);
  return plan(q.query, q.params);
}

const tableScan = /SCAN (main\.)?amr_jobs(?! USING)/;

describe("SQLite query plans use the composite indexes", () => {
  it("a user's first page", async () => {
    const u = await seedUser(db.client);
    const p = await planOf(() => listJobsByUser(db.client, u.id, { limit: 20 }), /FROM `main`.`amr_jobs`/);
    expect(p).toMatch(/idx_amr_jobs_user_created/);
    expect(p).not.toMatch(tableScan);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });

  it("a later page (cursor) and a status filter", async () => {
    const u = await seedUser(db.client);
    const cursor = encodeCursor({ createdAt: new Date(), id: crypto.randomUUID() });
    const later = await planOf(() => listJobsByUser(db.client, u.id, { cursor }), /FROM `main`.`amr_jobs`/);
    expect(later).toMatch(/idx_amr_jobs_user_created/);
    expect(later).not.toMatch(tableScan);
    const filtered = await planOf(
      () => listJobsByUser(db.client, u.id, { status: "Completed", cursor }),
      /FROM `main`.`amr_jobs`/,
    );
    expect(filtered).toMatch(/idx_amr_jobs_user_status_created/);
    expect(filtered).not.toMatch(/TEMP B-TREE/);
  });

  it("the lease sweep", () => {
    const p = planNamed(RECLAIM_SQL);
    expect(p).toMatch(/idx_amr_jobs_status/);
    expect(p).not.toMatch(tableScan);
  });

  it("a user's unfinished-job count (the upload quota)", async () => {
    const u = await seedUser(db.client);
    const p = await planOf(
      () => db.client.amrJob.count({ where: { userId: u.id, status: { in: ["Submitted", "Processing"] } } }),
      /COUNT/i,
    );
    expect(p).toMatch(/idx_amr_jobs_user_status_created/);
    expect(p).not.toMatch(tableScan);
  });

  it("the idle poll before a claim", () => {
    const p = planNamed(QUEUED_SQL);
    expect(p).toMatch(/idx_amr_jobs_status/);
    expect(p).not.toMatch(tableScan);
  });

  it("the claim", () => {
    const p = planNamed(CLAIM_SQL);
    expect(p).toMatch(/idx_amr_jobs_status_created/);
    expect(p).not.toMatch(tableScan);
  });
});
