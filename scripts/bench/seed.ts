// Seeds a benchmark database quickly: batched raw inserts in large transactions (no Prisma).
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

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

export function seed(file: string, opts: { users: number; jobs: number; heavyJobs: number }): SeedResult {
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
  const users: { id: string; username: string }[] = [];
  db.transaction(() => {
    for (let i = 0; i < opts.users; i++) {
      const u = { id: randomUUID(), username: `bench${i}` };
      insertUser.run(u.id, u.username, u.username, "$2b$12$benchbenchbenchbenchbenchbenchbenchbenchbenchbenchbench", iso(now));
      users.push(u);
    }
  })();
  const statuses = ["Completed", "Completed", "Completed", "Error", "Cancelled", "Archived"];
  const pollJobs: string[] = [];
  const heavyUser = users[0].id;
  let heavyFar: { createdAt: Date; id: string } | null = null;
  let made = 0;
  const batch = 20_000;
  while (made < opts.jobs) {
    db.transaction(() => {
      for (let k = 0; k < batch && made < opts.jobs; k++, made++) {
        // The heavy user gets the first `heavyJobs` jobs (oldest first); others round-robin.
        const owner = made < opts.heavyJobs ? heavyUser : users[1 + (made % (users.length - 1))].id;
        const created = now - (opts.jobs - made) * 1000;
        const id = randomUUID();
        const status = made >= opts.jobs - users.length ? "Completed" : statuses[made % statuses.length];
        insertJob.run(id, owner, `job ${made}`, status, 100, iso(created), iso(created + 100), iso(created + 600), iso(created + 600));
        insertParams.run(id);
        if (made === 20) heavyFar = { createdAt: new Date(created), id }; // ~20 jobs from the oldest end
        if (made >= opts.jobs - users.length) pollJobs.push(id);
      }
    })();
  }
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.exec("ANALYZE");
  db.close();
  return { users, pollJobs, heavyUser, heavyFarCursor: heavyFar!, jobs: made, seconds: (performance.now() - t0) / 1000 };
}
