import type { Db } from "@/lib/db";
import type { Storage } from "@/lib/storage";
import type { FailPoint } from "./fail-points";
import type { RetentionPolicy } from "./policy";

/** Everything a step needs; clock, storage and database are injected so tests control them. */
export interface MaintenanceContext {
  db: Db;
  storage: Storage;
  policy: RetentionPolicy;
  /** The run's reference time: every retention decision of one run uses the same instant. */
  now: Date;
  /** Rows per page and per transaction (≤ 500). */
  batchSize: number;
  check: (point: FailPoint) => void;
  /** Called between batches: renews the run's lease and throws if it was lost. */
  heartbeat: () => Promise<void>;
  log: (message: string) => void;
}
