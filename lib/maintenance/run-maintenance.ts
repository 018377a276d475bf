import { randomUUID } from "node:crypto";
import type { MaintenanceRunStatus } from "./run-status";
import { log as logger } from "@/lib/log/logger";
import { sqlOf, type Db } from "@/lib/db";
import type { Storage } from "@/lib/storage";
import { archiveDueJobs } from "./archiver";
import { pruneAuthRecords } from "./auth-records";
import { pruneWorkerHeartbeats } from "./worker-records";
import { DEFAULT_RECONCILE_BUDGET, type MaintenanceContext, type ReconcileBudget } from "./context";
import { failPointChecker, type FailPoint } from "./fail-points";
import type { RetentionPolicy } from "./policy";
import { purgeDueJobs } from "./purger";
import { findRowsWithMissingFiles, removeOrphanFiles } from "./reconciler";
import { acquireLock, MAINTENANCE_LOCK, releaseLock, renewLock } from "./run-lock";
import { failStaleJobs } from "./stale-jobs";

export type MaintenanceTrigger = "cron" | "scheduler" | "cli" | "test";

export interface MaintenanceOptions {
  db: Db;
  storage: Storage;
  policy: RetentionPolicy;
  trigger: MaintenanceTrigger;
  /** Defaults to the system clock; tests pin it. */
  clock?: () => Date;
  /** Rows per page and per transaction; capped at 500. */
  batchSize?: number;
  /** A crashed run's lease expires after this; renewed between batches. */
  lockTtlMs?: number;
  failAt?: FailPoint;
  /** The reconciler's per-run budget (defaults: 20 pages of 1000 keys per area, 5000 rows). */
  reconcile?: Partial<ReconcileBudget>;
  log?: (message: string) => void;
}

export interface MaintenanceResult {
  runId: string;
  archived: number;
  purged: number;
  failedStale: number;
  orphansRemoved: number;
  missingFiles: number;
  durationMs: number;
  /** Another run held the lease: this one did nothing. */
  skipped: boolean;
}

export const MAX_BATCH = 500;
const DEFAULT_LOCK_TTL_MS = 15 * 60_000;

/**
 * One maintenance run: fail stale jobs, purge, archive, reconcile files, prune auth records. Holds the lease for its
 * whole duration, records itself in maintenance_runs (skipped runs too) and is safe to repeat:
 * every step selects by current state, so a rerun after a crash finishes what was left.
 * Purge runs before archive so nothing is archived only to be deleted in the same run.
 */
export async function runMaintenance(opts: MaintenanceOptions): Promise<MaintenanceResult> {
  const { db } = opts;
  // Without a test clock, the run's reference time and its lease come from the database's clock,
  // so every host running maintenance measures retention and leases the same way.
  const dbNow = opts.clock ? null : await sqlOf(db).now();
  const dbOffset = dbNow ? dbNow.getTime() - Date.now() : 0;
  const clock = opts.clock ?? (() => new Date(Date.now() + dbOffset));
  const lockTime = () => (opts.clock ? clock() : undefined);
  const ttl = opts.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
  const log = opts.log ?? ((m: string) => logger().info({ component: "maintenance" }, m));
  const runId = randomUUID();
  const startedAt = dbNow ?? clock();
  const started = performance.now();
  const result: MaintenanceResult = { runId, archived: 0, purged: 0, failedStale: 0, orphansRemoved: 0, missingFiles: 0, durationMs: 0, skipped: false };

  if (!(await acquireLock(db, MAINTENANCE_LOCK, runId, lockTime(), ttl))) {
    result.skipped = true;
    result.durationMs = Math.round(performance.now() - started);
    await db.maintenanceRun.create({
      data: { id: runId, trigger: opts.trigger, status: "skipped" satisfies MaintenanceRunStatus, startedAt, finishedAt: clock(), durationMs: result.durationMs },
    });
    return result;
  }
  await db.maintenanceRun.create({ data: { id: runId, trigger: opts.trigger, status: "running" satisfies MaintenanceRunStatus, startedAt } });

  const ctx: MaintenanceContext = {
    db,
    storage: opts.storage,
    policy: opts.policy,
    now: startedAt,
    batchSize: Math.max(1, Math.min(MAX_BATCH, opts.batchSize ?? MAX_BATCH)),
    reconcile: { ...DEFAULT_RECONCILE_BUDGET, ...opts.reconcile },
    check: failPointChecker(opts.failAt),
    heartbeat: async () => {
      if (!(await renewLock(db, MAINTENANCE_LOCK, runId, lockTime(), ttl))) throw new Error("Maintenance lease lost to another run; stopping.");
    },
    log,
  };
  let error: string | null = null;
  try {
    result.failedStale = await failStaleJobs(ctx);
    result.purged = await purgeDueJobs(ctx);
    result.archived = await archiveDueJobs(ctx);
    result.orphansRemoved = await removeOrphanFiles(ctx);
    const missing = await findRowsWithMissingFiles(ctx);
    result.missingFiles = missing.count;
    if (missing.count > 0) log(`${missing.count} job(s) have missing files, e.g. ${missing.sample.join(", ")}`);
    await pruneAuthRecords(ctx);
    await pruneWorkerHeartbeats(ctx);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
    throw err;
  } finally {
    result.durationMs = Math.round(performance.now() - started);
    // A run that ended well held the lease throughout, so no other run is alive: one still
    // recorded as running died with its process (kill -9, a crashed host). Say so, rather than
    // show it running forever.
    if (!error) {
      await db.maintenanceRun.updateMany({
        where: { status: "running", id: { not: runId } },
        data: { status: "failed", error: "Interrupted: its process stopped before the run ended; a later run did its work.", finishedAt: clock() },
      });
    }
    await db.maintenanceRun.update({
      where: { id: runId },
      data: {
        status: (error ? "failed" : "ok") satisfies MaintenanceRunStatus,
        finishedAt: clock(),
        durationMs: result.durationMs,
        archived: result.archived,
        purged: result.purged,
        failedStale: result.failedStale,
        orphansRemoved: result.orphansRemoved,
        missingFiles: result.missingFiles,
        error,
      },
    });
    await releaseLock(db, MAINTENANCE_LOCK, runId);
  }
  return result;
}
