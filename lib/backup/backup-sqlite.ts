import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { checkDatabaseFile, dropLockRow, snapshotInto, withJobLookup } from "@/lib/db/sqlite/file-backup";
import { acquireLock, MAINTENANCE_LOCK, releaseLock } from "@/lib/maintenance/run-lock";
import { DATABASE_FILE, STORAGE_DIR, writeManifest, type Manifest } from "./manifest";
import { copyJobFiles, keptByRows } from "./storage-copy";

export interface SqliteBackupOptions {
  /** The application's client on the same database: the backup holds the maintenance lock through it. */
  db: Db;
  dbFile: string;
  /** The local storage directory, or null to leave files out (an object store, or --no-storage). */
  storageDir: string | null;
  /** The new backup directory; must not exist. */
  outDir: string;
  now?: Date;
}

// Long enough for a large storage copy; a crashed backup's hold lapses after it.
const LOCK_TTL_MS = 60 * 60_000;

/**
 * An online backup: the database snapshot first (VACUUM INTO, while the server keeps serving),
 * checked, then the files its rows refer to. Maintenance is held off meanwhile (its lock), since
 * archiving moves a job's files between the snapshot and the copy. A failed backup leaves no
 * directory behind that could be mistaken for a good one.
 */
export async function backupSqlite(opts: SqliteBackupOptions): Promise<Manifest> {
  const holder = `backup-${randomUUID()}`;
  if (!(await acquireLock(opts.db, MAINTENANCE_LOCK, holder, undefined, LOCK_TTL_MS))) {
    throw new Error("a maintenance run is in progress (it moves files): try again in a few minutes");
  }
  try {
    return copyAll(opts, holder);
  } finally {
    await releaseLock(opts.db, MAINTENANCE_LOCK, holder);
  }
}

function copyAll(opts: SqliteBackupOptions, lockHolder: string): Manifest {
  const now = opts.now ?? new Date();
  if (existsSync(opts.outDir)) throw new Error(`${opts.outDir} already exists`);
  mkdirSync(opts.outDir, { recursive: true });
  try {
    const dbCopy = path.join(opts.outDir, DATABASE_FILE);
    snapshotInto(opts.dbFile, dbCopy);
    dropLockRow(dbCopy, MAINTENANCE_LOCK, lockHolder);
    const check = checkDatabaseFile(dbCopy);
    const integrity = check.integrity.join("; ");
    if (integrity !== "ok" || check.foreignKeyViolations > 0) {
      throw new Error(`the snapshot failed its check (integrity_check: ${integrity}; foreign key violations: ${check.foreignKeyViolations})`);
    }
    const storageDir = opts.storageDir;
    const storage = storageDir ? withJobLookup(dbCopy, (rowOf) => copyJobFiles(storageDir, path.join(opts.outDir, STORAGE_DIR), keptByRows(rowOf, now))) : null;
    const manifest: Manifest = { format: 1, createdAt: now.toISOString(), dialect: "sqlite", database: DATABASE_FILE, integrity, jobs: check.jobs, storage };
    writeManifest(opts.outDir, manifest);
    return manifest;
  } catch (err) {
    rmSync(opts.outDir, { recursive: true, force: true });
    throw err;
  }
}
