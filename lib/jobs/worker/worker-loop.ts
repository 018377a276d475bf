import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { sqlOf, type Db } from "@/lib/db";
import { log as logger } from "@/lib/log/logger";
import type { Storage } from "@/lib/storage";
import { claimNextJob, reclaimExpiredLeases, releaseJob } from "../job-repository";
import { databaseTime, type Clock } from "./clock";
import type { EngineRunner } from "./engine-runner";
import type { RetryPolicy } from "./retry-policy";
import { runClaimedJob, type RunOutcome } from "./run-claimed-job";

export interface WorkerOptions {
  db: Db;
  storage: Storage;
  runner: EngineRunner;
  clock: Clock;
  concurrency: number;
  leaseMs: number;
  maxAttempts: number;
  pollMs: number;
  reclaimEveryMs: number;
  cancelPollMs: number;
  progressIntervalMs: number;
  /** Backoff after transient failures (default DEFAULT_RETRY_POLICY) and its jitter source. */
  retry?: RetryPolicy;
  random?: () => number;
  owner?: string;
  /** Liveness row for `npm run doctor` and the admin page (the app's workers; tests leave it out). */
  heartbeat?: { everyMs: number; resfinderOk: () => boolean };
  log?: (msg: string) => void;
  onOutcome?: (jobId: string, outcome: RunOutcome) => void;
}

export interface WorkerHandle {
  readonly owner: string;
  /** Check the queue now (after an upload) instead of at the next poll. */
  wake(): void;
  /** Stops claiming, aborts running jobs and hands them back to the queue. */
  stop(): Promise<void>;
  running(): number;
}

/**
 * Claims jobs while it has free slots, runs them, and periodically returns jobs of dead
 * workers to the queue. Several of these (in one or many processes) can share one database.
 */
export function startWorker(opts: WorkerOptions): WorkerHandle {
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = opts.log ?? ((m: string) => logger().info({ component: "worker", owner }, m));
  const shutdown = new AbortController();
  const active = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let filling = false;
  // The poll under way, so stop() can wait for a claim in flight to be handed back.
  let polling: Promise<void> = Promise.resolve();
  let lastReclaim = 0;
  let lastHeartbeat = -Infinity;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    // A wake-up during a poll leaves `polling` on that poll: tick() would return at once.
    timer = setTimeout(() => {
      if (!filling) polling = tick();
    }, ms);
    timer.unref?.();
  };

  async function tick() {
    if (stopped || filling) return;
    filling = true;
    try {
      const now = opts.clock.now();
      if (opts.heartbeat && now.getTime() - lastHeartbeat >= opts.heartbeat.everyMs) {
        lastHeartbeat = now.getTime();
        await sqlOf(opts.db).workerHeartbeat(owner, hostname(), opts.heartbeat.resfinderOk());
      }
      if (now.getTime() - lastReclaim >= opts.reclaimEveryMs) {
        lastReclaim = now.getTime();
        const reclaimed = await reclaimExpiredLeases(opts.db, databaseTime(opts.clock), opts.maxAttempts);
        for (const r of reclaimed) log(`[worker] job ${r.id}: lease expired → ${r.status}`);
      }
      while (!stopped && active.size < opts.concurrency) {
        const claim = await claimNextJob(opts.db, owner, { leaseMs: opts.leaseMs, now: databaseTime(opts.clock) });
        if (!claim) break;
        if (stopped) {
          // stop() came while the claim was in flight: hand the job back rather than start it only to abort.
          await releaseJob(opts.db, claim.jobId, claim.leaseToken);
          break;
        }
        log(`[worker] ${owner} claimed job ${claim.jobId} (attempt ${claim.attempts})`);
        const run = runClaimedJob({ ...opts, log }, claim, shutdown.signal)
          .then((outcome) => {
            log(`[worker] job ${claim.jobId} → ${outcome}`);
            opts.onOutcome?.(claim.jobId, outcome);
          })
          .catch((err) => log(`[worker] job ${claim.jobId} crashed the runner: ${err instanceof Error ? err.stack : err}`))
          .finally(() => {
            active.delete(run);
            schedule(0); // a slot is free: look for the next job at once
          });
        active.add(run);
      }
    } catch (err) {
      log(`[worker] poll failed: ${err instanceof Error ? err.message : err}`);
    } finally {
      filling = false;
      schedule(opts.pollMs);
    }
  }

  // PostgreSQL: a job queued on any machine wakes this worker at once; polling stays the fallback.
  const unlisten = sqlOf(opts.db).onJobQueued(() => schedule(0), log);
  schedule(0);
  return {
    owner,
    wake: () => schedule(0),
    running: () => active.size,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await unlisten();
      shutdown.abort();
      await polling;
      await Promise.allSettled([...active]);
      if (opts.heartbeat) await opts.db.workerHeartbeat.deleteMany({ where: { owner } }).catch(() => undefined);
    },
  };
}
