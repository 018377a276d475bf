import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const MB = 1024 * 1024;

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_FILE: z
      .string()
      .regex(/^file:/, "must start with file:, e.g. file:./prisma/dev.db")
      .default("file:./prisma/dev.db"),
    // postgresql://user:password@host:5432/db selects PostgreSQL (several machines); unset keeps
    // the embedded SQLite file above. See docs/operations.md.
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL (leave it unset for the embedded SQLite file)")
      .optional(),
    // PostgreSQL connections per process (web server or worker); mind max_connections.
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    // WAL + FULL: an acknowledged job survives power loss; the cost is one fsync per commit,
    // which the throttled write pattern here easily affords. See README "Database".
    SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL", "EXTRA"]).default("FULL"),
    SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(5000).max(60000).default(5000),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    NEXTAUTH_URL: z.url().optional(),
    CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    STORAGE_DIR: z.string().min(1).default("./data/storage"),
    // s3://bucket/prefix moves job files into an S3-compatible bucket (needed once web servers and
    // workers run on several machines); unset keeps them in STORAGE_DIR. Credentials come from the
    // standard AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or a profile/instance role), not from here.
    STORAGE_URL: z
      .string()
      .regex(/^s3:\/\/[a-z0-9.-]{3,63}(\/.*)?$/, "must look like s3://bucket or s3://bucket/prefix (leave it unset for STORAGE_DIR)")
      .optional(),
    // MinIO, Ceph, R2...: their URL, usually with path-style addressing (http://host:9000/bucket).
    S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
    S3_FORCE_PATH_STYLE: bool.default(false),
    S3_REGION: z.string().min(1).default("us-east-1"),
    AMR_DB_DIR: z.string().min(1).default("/usr/share/resfinder/db"),
    // Engine: where a worker keeps the prepared catalog, and whether it runs in a child process
    // (default, lower priority) or a worker thread. AMR_WORKER_PATH: the bundled engine worker.
    AMR_CACHE_DIR: z.string().min(1).optional(),
    AMR_ENGINE_ISOLATION: z.enum(["process", "thread"]).default("process"),
    AMR_WORKER_PATH: z.string().min(1).optional(),
    UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(100 * MB),
    UNCOMPRESSED_MAX_BYTES: z.coerce.number().int().positive().default(200 * MB),
    WORKER_ENABLED: bool.default(true),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
    // The engine runs off the event loop, so heartbeats keep flowing during long CPU steps.
    WORKER_LEASE_MS: z.coerce.number().int().min(2000).max(3_600_000).default(30_000),
    WORKER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
    // Backoff after a transient failure (engine process died, storage unreachable): the n-th
    // retry waits base·2^(n−1), between half and all of it (jitter), never more than the max.
    WORKER_RETRY_BASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
    WORKER_RETRY_MAX_MS: z.coerce.number().int().min(100).max(24 * 3_600_000).default(600_000),
    MAX_ACTIVE_JOBS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(20),
    SCHEDULER_ENABLED: bool.default(true),
    // A killed maintenance run's lease expires after this; renewed between batches (fault tests shorten it).
    MAINTENANCE_LOCK_TTL_MS: z.coerce.number().int().min(1000).max(24 * 3_600_000).default(15 * 60_000),
    SLOW_QUERY_MS: z.coerce.number().min(0).default(100),
    // JSON log lines on stdout (docs/operations.md, "Logs"); security events are at warn.
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // Bearer token of GET /api/metrics (Prometheus); unset = the endpoint refuses everything.
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    // Maintenance (docs/maintenance.md): retention in days, measured from completion (archiving).
    MAINTENANCE_SCHEDULE: z.string().min(9).default("0 3 * * *"),
    RETENTION_ARCHIVE_AFTER_DAYS: z.coerce.number().min(0).max(3650).default(7),
    RETENTION_PURGE_COMPLETED_DAYS: z.coerce.number().min(0).max(3650).default(30),
    RETENTION_PURGE_ERROR_DAYS: z.coerce.number().min(0).max(3650).default(14),
    RETENTION_PURGE_CANCELLED_DAYS: z.coerce.number().min(0).max(3650).default(7),
    RETENTION_PURGE_ARCHIVED_DAYS: z.coerce.number().min(0).max(3650).default(90),
    RETENTION_STALE_SUBMITTED_HOURS: z.coerce.number().positive().max(24 * 365).default(48),
    RETENTION_ORPHAN_GRACE_HOURS: z.coerce.number().min(1).max(24 * 365).default(24),
    ARCHIVE_KEEP_INPUT: bool.default(false),
    // Accounts (docs/auth.md "Session rules"): absolute lifetime, idle limit, hashing cost, mail.
    SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
    SESSION_IDLE_MINUTES: z.coerce.number().positive().max(24 * 60).default(30),
    // How long a process may reuse a user's auth row (role, session version, disabled) between
    // requests; changes made in the same process apply at once, others within this delay.
    AUTH_STATE_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
    BCRYPT_COST: z.coerce.number().int().min(10).max(15).default(12),
    // Password hashing threads (default: one per core), how many hashes may wait for one and for
    // how long; beyond that, sign-in, registration and password changes answer 503 with Retry-After.
    PASSWORD_HASH_THREADS: z.coerce.number().int().min(1).max(64).optional(),
    PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(8),
    PASSWORD_HASH_MAX_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
    // Linux: the hashing threads' nice value (0 = the server's own priority; higher lets the event
    // loop go first when sign-ins take every core, at the cost of slower hashing on a busy machine).
    PASSWORD_HASH_NICE: z.coerce.number().int().min(0).max(19).default(10),
    RESET_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    // How many reverse proxies in front append to X-Forwarded-For; 0 = none (see docs/auth.md).
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be smtp:// or smtps://").optional(),
    MAIL_FROM: z.string().min(3).default("AMR Predictor <no-reply@localhost>"),
    // Fault tests only: named steps where the process kills or freezes itself (lib/failpoints.ts,
    // docs/fault-testing.md). Unset in production: every fail point is then a no-op.
    AMR_FAILPOINT: z.string().max(1000).optional(),
    // Test/e2e only: reset mails are appended to this file as JSON lines instead of being sent.
    MAIL_CAPTURE_FILE: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    // `next build` evaluates route modules; secrets are only demanded of a running server.
    const building = process.env.NEXT_PHASE === "phase-production-build";
    if (env.NODE_ENV === "production" && !building && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "is required in production (npm start generates one into .env.local on first run)",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parses configuration and fails with every bad variable named. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" (docker/compose and CI often export VAR= ).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated configuration, parsed on first use so tests can set variables before. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
