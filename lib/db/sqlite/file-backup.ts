import Database from "better-sqlite3";

// SQLite's side of `npm run backup` / `npm run restore`. These work on database files through a
// connection of their own, never the application's: better-sqlite3 is synchronous, and a snapshot
// on the server's connection would stall its event loop for the whole copy. (PostgreSQL's
// equivalent is a tool, pg_dump, not a statement: lib/backup/postgres.ts.)

const BUSY_TIMEOUT_MS = 10_000;

/**
 * A consistent, compacted copy of a live database (`VACUUM INTO`): one read transaction, so the
 * server's readers and writer keep going while it runs, and the copy is a single file with no WAL.
 */
export function snapshotInto(source: string, dest: string): void {
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    db.prepare("VACUUM INTO ?").run(dest);
  } finally {
    db.close();
  }
}

/** Removes one lease row from a snapshot (the backup's own hold on maintenance, which must not be restored). */
export function dropLockRow(file: string, name: string, holder: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.prepare("DELETE FROM maintenance_locks WHERE name = ? AND holder = ?").run(name, holder);
  } finally {
    db.close();
  }
}

export interface JobFilesRow {
  status: string;
  inputFilePath: string | null;
  resultFilePath: string | null;
}

export interface FileCheck {
  /** PRAGMA integrity_check's rows: exactly ["ok"] when the file is sound. */
  integrity: string[];
  foreignKeyViolations: number;
  jobs: number;
}

/** Checks a database file that no one else writes (a snapshot, or a backup before it is restored). */
export function checkDatabaseFile(file: string): FileCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    const integrity = db.prepare("PRAGMA integrity_check").pluck().all() as string[];
    const foreignKeyViolations = db.prepare("PRAGMA foreign_key_check").all().length;
    const jobs = db.prepare("SELECT count(*) FROM amr_jobs").pluck().get() as number;
    return { integrity, foreignKeyViolations, jobs };
  } finally {
    db.close();
  }
}

/** Each job row's file references, looked up by id in a snapshot: which storage files a backup must carry. */
export function withJobLookup<T>(file: string, read: (rowOf: (jobId: string) => JobFilesRow | undefined) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const stmt = db.prepare("SELECT status, input_file_path AS inputFilePath, result_file_path AS resultFilePath FROM amr_jobs WHERE id = ?");
    return read((jobId) => stmt.get(jobId) as JobFilesRow | undefined);
  } finally {
    db.close();
  }
}

/** The path of a `file:` URL (DATABASE_FILE), relative ones from the working directory as Prisma's adapter reads them. */
export function sqliteFileOfUrl(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}
