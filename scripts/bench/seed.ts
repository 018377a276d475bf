// Seeds a benchmark database quickly, without Prisma: SQLite through batched raw inserts in
// large transactions, PostgreSQL through multi-row inserts of whole columns (unnest of arrays).
// Both get exactly the same shape of data from one plan (jobRows).
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

export interface SeedOptions {
  users: number;
  jobs: number;
  heavyJobs: number;
}

export interface SeedResult {
  users: { id: string; username: string }[];
  /** A job of each polling user, Completed, to poll. */
  pollJobs: string[];
  /** The user with a 10 000-job history, and a cursor to its far end. */
  heavyUser: string;
  heavyFarCursor: { createdAt: Date; id: string };
  jobs: number;
  seconds: number;
}

const PASSWORD_HASH = "$2b$12$benchbenchbenchbenchbenchbenchbenchbenchbenchbenchbench";
const STATUSES = ["Completed", "Completed", "Completed", "Error", "Cancelled", "Archived"];
const BATCH = 20_000;

interface JobRow {
  id: string;
  owner: string;
  name: string;
  status: string;
  createdMs: number;
}

function makeUsers(n: number) {
  return Array.from({ length: n }, (_, i) => ({ id: randomUUID(), username: `bench${i}` }));
}

/**
 * The jobs in insertion order, oldest first. The heavy user gets the first `heavyJobs`, the
 * others round-robin; the newest `users` jobs are Completed (the polled ones), one per user.
 */
function* jobRows(opts: SeedOptions, users: { id: string }[], now: number): Generator<JobRow> {
  for (let made = 0; made < opts.jobs; made++) {
    yield {
      id: randomUUID(),
      owner: made < opts.heavyJobs ? users[0].id : users[1 + (made % (users.length - 1))].id,
      name: `job ${made}`,
      status: made >= opts.jobs - users.length ? "Completed" : STATUSES[made % STATUSES.length],
      createdMs: now - (opts.jobs - made) * 1000,
    };
  }
}

/** What the benchmark needs to know about the rows, gathered as they stream past. */
function collector(opts: SeedOptions, users: { id: string }[]) {
  const pollJobs: string[] = [];
  let heavyFar: { createdAt: Date; id: string } | null = null;
  let made = 0;
  return {
    see(row: JobRow) {
      if (made === 20) heavyFar = { createdAt: new Date(row.createdMs), id: row.id }; // ~20 jobs from the oldest end
      if (made >= opts.jobs - users.length) pollJobs.push(row.id);
      made++;
    },
    result(t0: number, extra: { users: { id: string; username: string }[] }): SeedResult {
      return { ...extra, pollJobs, heavyUser: users[0].id, heavyFarCursor: heavyFar!, jobs: made, seconds: (performance.now() - t0) / 1000 };
    },
  };
}

export function seed(file: string, opts: SeedOptions): SeedResult {
  const t0 = performance.now();
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF"); // a throwaway bench database: load speed over durability
  const insertUser = db.prepare(
    "INSERT INTO users (id, username, username_key, password_hash, created_at, role, session_version) VALUES (?, ?, ?, ?, ?, 'user', 0)",
  );
  const insertJob = db.prepare(
    `INSERT INTO amr_jobs (id, user_id, job_name, status, progress, created_at, started_at, completed_at, input_file_name,
       input_file_size, input_sha256, input_contigs, input_bases, attempts, version, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'genome.fa', 1000, 'x', 1, 1000, 1, 3, ?)`,
  );
  const insertParams = db.prepare(
    "INSERT INTO amr_job_params (job_id, model_name, batch_size, segment_length, segment_overlap, use_cpu) VALUES (?, 'resfinder-genes', 8, 6000, 0, 1)",
  );
  const now = Date.now();
  const users = makeUsers(opts.users);
  db.transaction(() => {
    for (const u of users) insertUser.run(u.id, u.username, u.username, PASSWORD_HASH, iso(now));
  })();
  const seen = collector(opts, users);
  const rows = jobRows(opts, users, now);
  for (let done = false; !done; ) {
    db.transaction(() => {
      for (let k = 0; k < BATCH; k++) {
        const next = rows.next();
        if (next.done) return void (done = true);
        const r = next.value;
        const c = r.createdMs;
        insertJob.run(r.id, r.owner, r.name, r.status, 100, iso(c), iso(c + 100), iso(c + 600), iso(c + 600));
        insertParams.run(r.id);
        seen.see(r);
      }
    })();
  }
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.exec("ANALYZE");
  db.close();
  return seen.result(t0, { users });
}

/**
 * The same data into an empty, migrated PostgreSQL database. Whole columns travel as arrays
 * (one INSERT … SELECT FROM unnest per batch), which loads about as fast as COPY without
 * another dependency. VACUUM ANALYZE at the end leaves the table as autovacuum would: statistics
 * for the planner and a visibility map, so index-only scans work from the first request.
 */
export async function seedPostgres(url: string, opts: SeedOptions): Promise<SeedResult> {
  const t0 = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off"); // a throwaway bench database: load speed over durability
    const now = Date.now();
    const users = makeUsers(opts.users);
    await client.query(
      `INSERT INTO users (id, username, username_key, password_hash, created_at, role, session_version)
       SELECT id, name, name, $3, $4::timestamptz, 'user', 0 FROM unnest($1::text[], $2::text[]) AS u(id, name)`,
      [users.map((u) => u.id), users.map((u) => u.username), PASSWORD_HASH, new Date(now)],
    );
    const seen = collector(opts, users);
    const rows = jobRows(opts, users, now);
    for (let done = false; !done; ) {
      const batch: JobRow[] = [];
      for (let k = 0; k < BATCH; k++) {
        const next = rows.next();
        if (next.done) {
          done = true;
          break;
        }
        batch.push(next.value);
        seen.see(next.value);
      }
      if (batch.length === 0) break;
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO amr_jobs (id, user_id, job_name, status, progress, created_at, started_at, completed_at, input_file_name,
           input_file_size, input_sha256, input_contigs, input_bases, attempts, version, updated_at)
         SELECT id, owner, name, status, 100, c, c + interval '100 ms', c + interval '600 ms', 'genome.fa', 1000, 'x', 1, 1000, 1, 3,
                c + interval '600 ms'
           FROM (SELECT id, owner, name, status, to_timestamp(ms / 1000.0) AS c
                   FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[]) AS b(id, owner, name, status, ms)) AS rows`,
        [batch.map((r) => r.id), batch.map((r) => r.owner), batch.map((r) => r.name), batch.map((r) => r.status), batch.map((r) => r.createdMs)],
      );
      await client.query(
        `INSERT INTO amr_job_params (job_id, model_name, batch_size, segment_length, segment_overlap, use_cpu)
         SELECT id, 'resfinder-genes', 8, 6000, 0, true FROM unnest($1::text[]) AS b(id)`,
        [batch.map((r) => r.id)],
      );
      await client.query("COMMIT");
    }
    await client.query("VACUUM (ANALYZE) users, amr_jobs, amr_job_params");
    return seen.result(t0, { users });
  } finally {
    await client.end();
  }
}
