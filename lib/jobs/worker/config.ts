import { getEnv } from "@/lib/env";
import type { WorkerOptions } from "./worker-loop";

/** How often a worker refreshes its liveness row (worker_heartbeats). */
export const HEARTBEAT_EVERY_MS = 30_000;
/** Silent for three heartbeats: the worker counts as gone (doctor, admin page). */
export const WORKER_SILENCE_MS = 3 * HEARTBEAT_EVERY_MS;

/** Timing defaults; see README "Jobs and workers" for the reasoning. */
export function workerTimings(): Pick<
  WorkerOptions,
  "concurrency" | "leaseMs" | "maxAttempts" | "pollMs" | "reclaimEveryMs" | "cancelPollMs" | "progressIntervalMs" | "retry"
> {
  const env = getEnv();
  return {
    concurrency: env.WORKER_CONCURRENCY,
    leaseMs: env.WORKER_LEASE_MS,
    maxAttempts: env.WORKER_MAX_ATTEMPTS,
    pollMs: 1000,
    // A dead worker's job waits at most a lease plus one sweep; short leases sweep more often.
    reclaimEveryMs: Math.min(5000, env.WORKER_LEASE_MS),
    cancelPollMs: 1000,
    progressIntervalMs: 1000,
    retry: { baseMs: env.WORKER_RETRY_BASE_MS, capMs: env.WORKER_RETRY_MAX_MS },
  };
}
