import type pg from "pg";
import { evaluateWindow } from "@/lib/rate-limit/window";
import { toNumbered } from "../named-params";
import type { ClaimedRow, SqlPort } from "../port";
import { listenForQueuedJobs } from "./queue-listener";
import * as q from "./statements";

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/**
 * PostgreSQL's statements run on the same pg.Pool as the Prisma adapter. Each has a name, so pg
 * prepares it once per pooled connection and then only sends the parameters.
 */
export function createPostgresPort(pool: pg.Pool, connectionString: string, close: () => Promise<void>): SqlPort {
  const names = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = names.get(sql);
    if (!name) names.set(sql, (name = `amr_${names.size + 1}`));
    return name;
  };
  async function all<T>(sql: string, values: Record<string, unknown> = {}, on: Queryable = pool): Promise<T[]> {
    const { text, args } = toNumbered(sql, values);
    const res = await on.query({ name: nameOf(sql), text, values: args });
    return res.rows as T[];
  }
  async function exec(sql: string, values: Record<string, unknown>, on: Queryable = pool): Promise<number> {
    const { text, args } = toNumbered(sql, values);
    return (await on.query({ name: nameOf(sql), text, values: args })).rowCount ?? 0;
  }
  const get = async <T>(sql: string, values: Record<string, unknown> = {}, on: Queryable = pool) => (await all<T>(sql, values, on))[0];
  const at = (d: Date | undefined) => d ?? null;

  async function transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const out = await fn(client);
      await client.query("COMMIT");
      return out;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  return {
    dialect: "postgres",
    async now() {
      return (await get<{ now: Date }>(q.NOW_SQL))!.now;
    },
    async ping() {
      await pool.query("SELECT 1");
    },
    async connectionSettings() {
      return (await get<{ synchronous_commit: string; fsync: string }>(q.CONNECTION_SETTINGS_SQL))!;
    },

    async authState(userId) {
      return (await get(q.AUTH_STATE_SQL, { userId })) ?? null;
    },
    async jobWithParams(id, userId) {
      return (await get<Record<string, unknown>>(q.JOB_WITH_PARAMS_SQL, { id, userId })) ?? null;
    },

    async claimNextJob(owner, leaseToken, leaseMs, now) {
      return (await get<ClaimedRow>(q.CLAIM_SQL, { owner, token: leaseToken, leaseMs, now: at(now) })) ?? null;
    },
    async renewLease(jobId, leaseToken, leaseMs, now) {
      return (await get<{ cancelRequested: boolean }>(q.RENEW_LEASE_SQL, { jobId, token: leaseToken, leaseMs, now: at(now) })) ?? null;
    },
    async reclaimExpiredLeases(maxAttempts, now) {
      return all(q.RECLAIM_SQL, { max: maxAttempts, now: at(now) });
    },
    async failStaleJobs(kind, cutoff, message, limit, now) {
      const sql = kind === "submitted" ? q.FAIL_STALE_SUBMITTED_SQL : q.FAIL_STALE_PROCESSING_SQL;
      return (await all<{ id: string }>(sql, { message, cutoff, limit, now: at(now) })).map((r) => r.id);
    },
    async markArchived(rows, keepInput, now) {
      if (rows.length === 0) return new Set();
      const out = await all<{ id: string }>(q.MARK_ARCHIVED_SQL, {
        ids: rows.map((r) => r.id),
        versions: rows.map((r) => r.version),
        keys: rows.map((r) => r.archiveKey),
        keep: keepInput,
        now: at(now),
      });
      return new Set(out.map((r) => r.id));
    },
    async deleteFinished(rows) {
      if (rows.length === 0) return new Set();
      const out = await all<{ id: string }>(q.DELETE_FINISHED_SQL, { ids: rows.map((r) => r.id), versions: rows.map((r) => r.version) });
      return new Set(out.map((r) => r.id));
    },
    async insertJobWithinQuota(job, maxActive) {
      const missing = new Error("collection missing");
      try {
        return await transaction(async (c) => {
          await all(q.LOCK_USER_SQL, { userId: job.userId }, c);
          const { params, collectionId = null, ...row } = job;
          const inserted = (await exec(q.INSERT_JOB_WITHIN_QUOTA_SQL, { ...row, max: maxActive }, c)) === 1;
          if (inserted) await all(q.INSERT_PARAMS_SQL, { jobId: job.id, ...params }, c);
          if (inserted && collectionId) {
            const member = { jobId: job.id, collectionId, userId: job.userId, addedAt: row.createdAt };
            // Rolls the job back too: a job is never created outside the collection it asked for.
            if ((await exec(q.INSERT_COLLECTION_MEMBER_SQL, member, c)) === 0) throw missing;
            await exec(q.TOUCH_COLLECTION_SQL, member, c);
          }
          const active = (await get<{ n: number }>(q.ACTIVE_JOBS_SQL, { userId: job.userId }, c))!.n;
          return { inserted, active };
        });
      } catch (err) {
        if (err === missing) return { inserted: false, active: 0, collectionMissing: true };
        throw err;
      }
    },
    async notifyJobQueued() {
      await pool.query(q.NOTIFY_QUEUED_SQL);
    },
    onJobQueued(onQueued, log) {
      return listenForQueuedJobs(connectionString, onQueued, log);
    },

    async collectionMembersDigest(collectionId) {
      const row = await get<{ members: number; versions: number; lastUpdate: unknown }>(q.COLLECTION_MEMBERS_DIGEST_SQL, { collectionId });
      return { members: Number(row?.members ?? 0), versions: Number(row?.versions ?? 0), lastUpdate: String(row?.lastUpdate ?? "") };
    },
    async appliedMigrations() {
      if (!(await get<{ present: boolean }>(q.MIGRATIONS_TABLE_SQL))?.present) return null;
      return (await all<{ name: string }>(q.APPLIED_MIGRATIONS_SQL)).map((r) => r.name);
    },
    async workerHeartbeat(owner, host, resfinderOk) {
      await exec(q.WORKER_HEARTBEAT_SQL, { owner, host, ok: resfinderOk });
    },

    async acquireLock(name, holder, ttlMs, now) {
      return (await get<{ holder: string }>(q.ACQUIRE_LOCK_SQL, { name, holder, ttlMs, now: at(now) }))?.holder === holder;
    },
    async renewLock(name, holder, ttlMs, now) {
      return (await exec(q.RENEW_LOCK_SQL, { name, holder, ttlMs, now: at(now) })) === 1;
    },

    async consumeRateLimit(key, policy, now) {
      const since = new Date(now.getTime() - policy.windowMs);
      return transaction(async (c) => {
        await all(q.RATE_LOCK_SQL, { key }, c);
        const times = (await all<{ at: Date }>(q.RATE_EVENTS_SQL, { key, since }, c)).map((r) => r.at.getTime());
        const decision = evaluateWindow(times, now.getTime(), policy);
        if (!decision.allowed) return { ...decision, eventId: null };
        await all(q.RATE_PRUNE_SQL, { key, since }, c);
        const row = await get<{ id: number }>(q.RATE_INSERT_SQL, { key, at: now }, c);
        return { ...decision, count: decision.count + 1, eventId: row!.id };
      });
    },

    close,
  };
}
