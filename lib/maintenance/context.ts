import type { Db } from "@/lib/db";
import type { Storage } from "@/lib/storage";
import type { FailPoint } from "./fail-points";
import type { RetentionPolicy } from "./policy";

export interface ReconcileBudget {
  /** LIST pages per area per run. */
  listPages: number;
  /** Keys per LIST page (S3 returns at most 1000). */
  pageSize: number;
  /** Rows whose files are checked (HEAD) per run. */
  rowChecks: number;
}

export const DEFAULT_RECONCILE_BUDGET: ReconcileBudget = { listPages: 20, pageSize: 1000, rowChecks: 5000 };

/** Everything a step needs; clock, storage and database are injected so tests control them. */
export interface MaintenanceContext {
  db: Db;
  storage: Storage;
  policy: RetentionPolicy;
  /** The run's reference time: every retention decision of one run uses the same instant. */
  now: Date;
  /** Rows per page and per transaction (≤ 500). */
  batchSize: number;
  /** The reconciler's per-run budget of storage calls (lib/maintenance/reconciler.ts). */
  reconcile: ReconcileBudget;
  check: (point: FailPoint) => void;
  /** Called between batches: renews the run's lease and throws if it was lost. */
  heartbeat: () => Promise<void>;
  log: (message: string) => void;
}
