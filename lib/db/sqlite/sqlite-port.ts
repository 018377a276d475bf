import type Database from "better-sqlite3";
import { evaluateWindow } from "@/lib/rate-limit/window";
import { parameterNames, positionalText } from "../named-params";
import type { ClaimedRow, NewJobRow, SqlPort } from "../port";
import * as q from "./statements";

/** The text form Prisma's SQLite adapter stores DateTime in; raw SQL compares like with like. */
export function sqliteTime(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

/** Thrown inside a transaction to roll it back when the target collection is not the user's. */
const COLLECTION_MISSING = new Error("collection missing");

/** PRAGMA synchronous answers a number; the configuration (SQLITE_SYNCHRONOUS) uses these names. */
const SYNCHRONOUS_LEVELS = ["OFF", "NORMAL", "FULL", "EXTRA"];
const time = (d: Date | undefined) => (d ? sqliteTime(d) : null);
const seconds = (ms: number) => `+${(ms / 1000).toFixed(3)} seconds`;

/**
 * SQLite's statements run on the Prisma adapter's own better-sqlite3 connection (one connection,
 * one writer: no second handle to keep in step), each prepared once. better-sqlite3 is
 * synchronous, so a statement here can never interleave with another on the event loop.
 */
export function createSqlitePort(connection: () => Promise<Database.Database>, close: () => Promise<void>): SqlPort {
  const cache = new Map<string, { stmt: Database.Statement; args: (v: Record<string, unknown>) => unknown[] }>();
  let db: Database.Database | null = null;
  const conn = async () => (db ??= await connection());

  async function prepared(sql: string) {
    const c = await conn();
    let entry = cache.get(sql);
    if (!entry) {
      const names = parameterNames(sql);
      const stmt = c.prepare(positionalText(sql));
      if (stmt.reader) stmt.safeIntegers(false);
      entry = { stmt, args: (v) => names.map((n) => v[n]) };
      cache.set(sql, entry);
    }
    return entry;
  }
  const all = async <T>(sql: string, values: Record<string, unknown> = {}) => {
    const { stmt, args } = await prepared(sql);
    return stmt.all(...args(values)) as T[];
  };
  const get = async <T>(sql: string, values: Record<string, unknown> = {}) => {
    const { stmt, args } = await prepared(sql);
    return stmt.get(...args(values)) as T | undefined;
  };
  const run = async (sql: string, values: Record<string, unknown> = {}) => {
    const { stmt, args } = await prepared(sql);
    return stmt.run(...args(values)).changes;
  };

  return {
    dialect: "sqlite",
    async now() {
      const row = await get<{ now: string }>(q.NOW_SQL);
      return new Date(row!.now);
    },
    async ping() {
      await get("SELECT 1");
    },
    async connectionSettings() {
      const row = (await get<{ journal_mode: string; synchronous: number; busy_timeout: number; foreign_keys: number }>(q.CONNECTION_SETTINGS_SQL))!;
      return { ...row, synchronous: SYNCHRONOUS_LEVELS[row.synchronous] ?? String(row.synchronous) };
    },

    async authState(userId) {
      const row = await get<{ id: string; username: string; role: string; sessionVersion: number; disabledAt: string | null }>(q.AUTH_STATE_SQL, { userId });
      return row ? { ...row, disabledAt: row.disabledAt ? new Date(row.disabledAt) : null } : null;
    },
    async jobWithParams(id, userId) {
      const row = await get<Record<string, unknown>>(q.JOB_WITH_PARAMS_SQL, { id, userId });
      return row ? q.fromSqliteRow(row) : null;
    },

    async claimNextJob(owner, leaseToken, leaseMs, now) {
      // Idle workers poll every second; a read answers "nothing queued" without taking SQLite's
      // single write lock, which the claim UPDATE takes even when it matches no row.
      if ((await get(q.QUEUED_SQL, { now: time(now) })) === undefined) return null;
      const row = await get<ClaimedRow>(q.CLAIM_SQL, { owner, token: leaseToken, now: time(now), lease: seconds(leaseMs) });
      return row ?? null;
    },
    async renewLease(jobId, leaseToken, leaseMs, now) {
      const row = await get<{ cancelRequested: number }>(q.RENEW_LEASE_SQL, { jobId, token: leaseToken, now: time(now), lease: seconds(leaseMs) });
      return row ? { cancelRequested: Boolean(row.cancelRequested) } : null;
    },
    async reclaimExpiredLeases(maxAttempts, now) {
      return all<{ id: string; status: string }>(q.RECLAIM_SQL, { max: maxAttempts, now: time(now) });
    },
    async failStaleJobs(kind, cutoff, message, limit, now) {
      const sql = kind === "submitted" ? q.FAIL_STALE_SUBMITTED_SQL : q.FAIL_STALE_PROCESSING_SQL;
      const rows = await all<{ id: string }>(sql, { message, cutoff: sqliteTime(cutoff), limit, now: time(now) });
      return rows.map((r) => r.id);
    },
    async markArchived(rows, keepInput, now) {
      if (rows.length === 0) return new Set();
      const batch = JSON.stringify(rows.map((r) => ({ id: r.id, version: r.version, key: r.archiveKey })));
      const out = await all<{ id: string }>(q.MARK_ARCHIVED_SQL, { batch, now: time(now), keep: keepInput ? 1 : 0 });
      return new Set(out.map((r) => r.id));
    },
    async deleteFinished(rows) {
      if (rows.length === 0) return new Set();
      const batch = JSON.stringify(rows.map((r) => ({ id: r.id, version: r.version })));
      const out = await all<{ id: string }>(q.DELETE_FINISHED_SQL, { batch });
      return new Set(out.map((r) => r.id));
    },
    async insertJobWithinQuota(job: NewJobRow, maxActive) {
      const c = await conn();
      const insertJob = await prepared(q.INSERT_JOB_WITHIN_QUOTA_SQL);
      const insertParams = await prepared(q.INSERT_PARAMS_SQL);
      const count = await prepared(q.ACTIVE_JOBS_SQL);
      const join = await prepared(q.INSERT_COLLECTION_MEMBER_SQL);
      const touch = await prepared(q.TOUCH_COLLECTION_SQL);
      const { collectionId = null, ...row } = job;
      // IMMEDIATE: the write lock is taken before the count, so the count is the one the insert sees.
      try {
        return c
          .transaction(() => {
            const t = sqliteTime(row.createdAt);
            const values = { ...row, createdAt: t, max: maxActive };
            const changes = insertJob.stmt.run(...insertJob.args(values)).changes;
            const active = (count.stmt.get(...count.args({ userId: row.userId })) as { n: number }).n;
            if (changes === 0) return { inserted: false, active };
            const p = row.params;
            insertParams.stmt.run(...insertParams.args({ jobId: row.id, ...p, useCpu: p.useCpu ? 1 : 0 }));
            if (collectionId) {
              const member = { jobId: row.id, collectionId, userId: row.userId, addedAt: t };
              if (join.stmt.run(...join.args(member)).changes === 0) throw COLLECTION_MISSING;
              touch.stmt.run(...touch.args(member));
            }
            return { inserted: true, active };
          })
          .immediate();
      } catch (err) {
        if (err === COLLECTION_MISSING) return { inserted: false, active: 0, collectionMissing: true };
        throw err;
      }
    },
    async notifyJobQueued() {},
    onJobQueued: () => async () => undefined,

    async collectionMembersDigest(collectionId) {
      const row = await get<{ members: number; versions: number; lastUpdate: unknown }>(q.COLLECTION_MEMBERS_DIGEST_SQL, { collectionId });
      return { members: Number(row?.members ?? 0), versions: Number(row?.versions ?? 0), lastUpdate: String(row?.lastUpdate ?? "") };
    },
    async appliedMigrations() {
      if (!(await get(q.MIGRATIONS_TABLE_SQL))) return null;
      return (await all<{ name: string }>(q.APPLIED_MIGRATIONS_SQL)).map((r) => r.name);
    },
    async workerHeartbeat(owner, host, resfinderOk) {
      await run(q.WORKER_HEARTBEAT_SQL, { owner, host, ok: resfinderOk ? 1 : 0 });
    },

    async acquireLock(name, holder, ttlMs, now) {
      const row = await get<{ holder: string }>(q.ACQUIRE_LOCK_SQL, { name, holder, now: time(now), ttl: seconds(ttlMs) });
      return row?.holder === holder;
    },
    async renewLock(name, holder, ttlMs, now) {
      return (await run(q.RENEW_LOCK_SQL, { name, holder, now: time(now), ttl: seconds(ttlMs) })) === 1;
    },

    async consumeRateLimit(key, policy, now) {
      const c = await conn();
      const select = await prepared(q.RATE_EVENTS_SQL);
      const prune = await prepared(q.RATE_PRUNE_SQL);
      const insert = await prepared(q.RATE_INSERT_SQL);
      const since = sqliteTime(new Date(now.getTime() - policy.windowMs));
      return c
        .transaction(() => {
          const times = (select.stmt.all(...select.args({ key, since })) as { at: string }[]).map((r) => Date.parse(r.at));
          const decision = evaluateWindow(times, now.getTime(), policy);
          if (!decision.allowed) return { ...decision, eventId: null };
          prune.stmt.run(...prune.args({ key, since }));
          const id = insert.stmt.run(...insert.args({ key, at: sqliteTime(now) })).lastInsertRowid;
          return { ...decision, count: decision.count + 1, eventId: Number(id) };
        })
        .immediate();
    },

    close,
  };
}
