import type { AmrParams } from "@/lib/amr/types";
import type { WindowDecision, WindowPolicy } from "@/lib/rate-limit/window";

/**
 * Every statement that is not plain Prisma, behind one interface with a SQLite and a PostgreSQL
 * implementation side by side (lib/db/sqlite, lib/db/postgres). No other module writes SQL.
 *
 * Times: every `now?: Date` is for tests only. When it is absent the statement uses the
 * database's own clock, so leases, heartbeats, cutoffs and the maintenance lock agree across
 * hosts whatever their clocks say.
 */
export type Dialect = "sqlite" | "postgres";

export interface VersionedRow {
  id: string;
  version: number;
}

export interface ClaimedRow {
  id: string;
  leaseToken: string;
  attempts: number;
}

export interface AuthStateRow {
  id: string;
  username: string;
  role: string;
  sessionVersion: number;
  disabledAt: Date | null;
}

/** A job row joined with its parameters, as the job poll needs it (keys: lib/db/job-columns.ts, params prefixed p_). */
export type JobWithParamsRow = Record<string, unknown>;

export interface NewJobRow {
  id: string;
  userId: string;
  jobName: string;
  createdAt: Date;
  inputFilePath: string | null;
  inputFileName: string | null;
  inputFileSize: number | null;
  inputSha256: string | null;
  inputContigs: number | null;
  inputBases: number | null;
  params: AmrParams;
  /** A collection of the same user the job joins in the same transaction (lib/collections). */
  collectionId?: string | null;
}

export interface SqlPort {
  readonly dialect: Dialect;
  /** The database's clock (maintenance reads it once per run). */
  now(): Promise<Date>;
  /** A real round trip. */
  ping(): Promise<void>;
  /**
   * The durability and locking settings of the connection the port and Prisma share, as the
   * database reports them (not as configured): SQLite's PRAGMAs (journal_mode, synchronous,
   * busy_timeout, foreign_keys), PostgreSQL's synchronous_commit and fsync. Tests and doctor read it.
   */
  connectionSettings(): Promise<Record<string, string | number>>;

  // The two reads behind every authenticated poll: prepared once, run on the client's own pool.
  authState(userId: string): Promise<AuthStateRow | null>;
  jobWithParams(id: string, userId: string): Promise<JobWithParamsRow | null>;

  // Job lifecycle (lib/jobs/job-repository.ts is the only caller).
  /** Leases the oldest queued job, or null when none is queued. */
  claimNextJob(owner: string, leaseToken: string, leaseMs: number, now?: Date): Promise<ClaimedRow | null>;
  renewLease(jobId: string, leaseToken: string, leaseMs: number, now?: Date): Promise<{ cancelRequested: boolean } | null>;
  reclaimExpiredLeases(maxAttempts: number, now?: Date): Promise<{ id: string; status: string }[]>;
  failStaleJobs(kind: "submitted" | "processing", cutoff: Date, message: string, limit: number, now?: Date): Promise<string[]>;
  markArchived(rows: readonly (VersionedRow & { archiveKey: string })[], keepInput: boolean, now?: Date): Promise<Set<string>>;
  deleteFinished(rows: readonly VersionedRow[]): Promise<Set<string>>;
  /**
   * Inserts the job and its parameters only while the user has fewer than `maxActive` queued or
   * running, and, with `collectionId`, its membership only if that collection is the user's:
   * otherwise nothing is inserted and `collectionMissing` is true.
   */
  insertJobWithinQuota(job: NewJobRow, maxActive: number): Promise<{ inserted: boolean; active: number; collectionMissing?: boolean }>;
  /** Tells listening workers that a job was queued (PostgreSQL NOTIFY; nothing on SQLite). */
  notifyJobQueued(): Promise<void>;
  /**
   * Calls `onQueued` whenever a job is queued anywhere (PostgreSQL LISTEN on its own connection);
   * on SQLite, where every worker shares one machine, nothing: workers poll and uploads wake the
   * in-process worker directly. Returns the unsubscribe.
   */
  onJobQueued(onQueued: () => void, log: (m: string) => void): () => Promise<void>;

  /**
   * What a collection's matrix cache key is made of, read from the membership side (one indexed
   * join, never a scan of amr_jobs): member count, the sum of their row versions, the latest update.
   */
  collectionMembersDigest(collectionId: string): Promise<{ members: number; versions: number; lastUpdate: string }>;

  /** Names of the migrations applied to this database (Prisma's _prisma_migrations), or null without that table. */
  appliedMigrations(): Promise<string[] | null>;
  /** A worker's liveness row, timed by the database's clock (`npm run doctor`, the admin page). */
  workerHeartbeat(owner: string, host: string, resfinderOk: boolean): Promise<void>;

  // Named lease for maintenance.
  acquireLock(name: string, holder: string, ttlMs: number, now?: Date): Promise<boolean>;
  renewLock(name: string, holder: string, ttlMs: number, now?: Date): Promise<boolean>;

  /**
   * Sliding-window limit, atomically: counts the events in the window and records one more only
   * if that stays within the limit. Two servers can never both let the (limit+1)-th through.
   */
  consumeRateLimit(key: string, policy: WindowPolicy, now: Date): Promise<WindowDecision & { eventId: number | null }>;

  /** Ends the client's connections (tests, scripts). */
  close(): Promise<void>;
}
