import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient as PgPrismaClient } from "@/generated/prisma-pg/client";
import type { PrismaClient } from "@/generated/prisma/client";
import { parameterNames, toNumbered } from "@/lib/db/named-params";
import * as q from "@/lib/db/postgres/statements";
import { listJobsByUser } from "@/lib/jobs/list-jobs";
import { encodeCursor } from "@/lib/pagination/keyset";
import { createTestDb, seedUser, type TestDb } from "../helpers/test-db";

// PostgreSQL: the dialect's own statements and the SQL Prisma really emits, through EXPLAIN.
// The tables here are small, so the planner might rightly prefer a sequential scan; with
// enable_seqscan off (and real statistics) the plan shows which index serves each query — a
// rewrite or a dropped index that leaves only a table scan fails here rather than in production.
let t: TestDb;
let raw: pg.Client;
let client: PrismaClient;
let logged: { query: string; params: unknown[] }[] = [];

beforeAll(async () => {
  t = await createTestDb();
  raw = new pg.Client({ connectionString: t.url });
  await raw.connect();
  // Realistic statistics: 40 users with 100 jobs each, nearly all finished (1 % queued, 1 % running).
  await raw.query(`INSERT INTO users (id, username, password_hash) SELECT 'u' || i, 'user' || i, 'x' FROM generate_series(1, 40) i`);
  await raw.query(
    `INSERT INTO amr_jobs (id, user_id, job_name, status, created_at, updated_at, completed_at)
     SELECT 'j' || i, 'u' || (i % 40 + 1), 'g', CASE i % 100 WHEN 0 THEN 'Submitted' WHEN 1 THEN 'Processing' WHEN 2 THEN 'Error' WHEN 3 THEN 'Archived' ELSE 'Completed' END,
            now() - i * interval '1 minute', now(), now() - i * interval '1 minute'
       FROM generate_series(1, 4000) i`,
  );
  await raw.query("ANALYZE");
  await raw.query("SET enable_seqscan = off");
  const logging = new PgPrismaClient({
    adapter: new PrismaPg({ connectionString: t.url }),
    log: [{ emit: "event", level: "query" }] as const,
  });
  logging.$on("query", (e) => logged.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  client = logging as unknown as PrismaClient;
});
afterAll(async () => {
  await raw.end();
  await client.$disconnect();
  await t.close();
});

const SAMPLE: Record<string, unknown> = {
  now: null,
  owner: "w",
  token: "t",
  leaseMs: 30_000,
  max: 3,
  userId: "u7",
  id: "j1234",
  cutoff: new Date(),
  limit: 500,
  message: "m",
  ids: ["a"],
  versions: [1],
  keys: ["k"],
  keep: false,
};

async function plan(sql: string): Promise<string> {
  const values = Object.fromEntries(parameterNames(sql).map((n) => [n, (n in SAMPLE ? SAMPLE[n] : "x")]));
  const { text, args } = toNumbered(sql, values);
  const { rows } = await raw.query(`EXPLAIN ${text}`, args);
  return rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
}

async function planOf(run: () => Promise<unknown>, match: RegExp): Promise<string> {
  logged = [];
  await run();
  const found = logged.find((l) => match.test(l.query));
  if (!found) throw new Error(`no query matching ${match}`);
  const { rows } = await raw.query(`EXPLAIN ${found.query}`, found.params);
  return rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
}

const seqScan = /Seq Scan on amr_jobs/;

describe("PostgreSQL query plans use the indexes", () => {
  it("the claim picks the oldest queued job by (status, created_at)", async () => {
    const p = await plan(q.CLAIM_SQL);
    expect(p).toMatch(/idx_amr_jobs_status_created/);
    expect(p).toMatch(/LockRows/);
    expect(p).not.toMatch(seqScan);
  });

  it("the lease sweep and the stale sweeps", async () => {
    for (const sql of [q.RECLAIM_SQL, q.FAIL_STALE_SUBMITTED_SQL, q.FAIL_STALE_PROCESSING_SQL]) {
      const p = await plan(sql);
      expect(p).toMatch(/idx_amr_jobs_status/);
      expect(p).not.toMatch(seqScan);
    }
  });

  it("the job poll and the auth row are primary-key lookups", async () => {
    expect(await plan(q.JOB_WITH_PARAMS_SQL)).toMatch(/Index Scan using amr_jobs_pkey on amr_jobs/);
    expect(await plan(q.AUTH_STATE_SQL)).toMatch(/Index Scan using users_pkey/);
  });

  it("the upload quota counts through (user_id, status, …)", async () => {
    expect(await plan(q.ACTIVE_JOBS_SQL)).toMatch(/idx_amr_jobs_user_status_created/);
  });

  it("archive and purge batches find rows by primary key", async () => {
    for (const sql of [q.MARK_ARCHIVED_SQL, q.DELETE_FINISHED_SQL]) {
      const p = await plan(sql);
      expect(p).toMatch(/amr_jobs_pkey/);
      expect(p).not.toMatch(seqScan);
    }
  });

  it("a user's first page, a later page and a status filter, as Prisma emits them", async () => {
    const u = await seedUser(client);
    const first = await planOf(() => listJobsByUser(client, u.id, { limit: 20 }), /FROM "public"."amr_jobs"/);
    expect(first).toMatch(/idx_amr_jobs_user_created/);
    expect(first).not.toMatch(/Sort/);
    const cursor = encodeCursor({ createdAt: new Date(), id: crypto.randomUUID() });
    const later = await planOf(() => listJobsByUser(client, u.id, { cursor }), /FROM "public"."amr_jobs"/);
    expect(later).toMatch(/idx_amr_jobs_user_created/);
    const filtered = await planOf(() => listJobsByUser(client, u.id, { status: "Completed", cursor }), /FROM "public"."amr_jobs"/);
    expect(filtered).toMatch(/idx_amr_jobs_user_status_created/);
    expect(filtered).not.toMatch(/Sort/);
  });
});
