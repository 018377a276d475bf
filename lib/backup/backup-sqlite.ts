import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { checkDatabaseFile, snapshotInto, withJobLookup } from "@/lib/db/sqlite/file-backup";
import { DATABASE_FILE, STORAGE_DIR, writeManifest, type Manifest } from "./manifest";
import { copyJobFiles } from "./storage-copy";

export interface SqliteBackupOptions {
  dbFile: string;
  /** The local storage directory, or null to leave files out (an object store, or --no-storage). */
  storageDir: string | null;
  /** The new backup directory; must not exist. */
  outDir: string;
  now?: Date;
}

/**
 * An online backup: the database snapshot first (VACUUM INTO, while the server keeps serving),
 * checked, then the files its rows refer to. A failed backup leaves no directory behind that
 * could be mistaken for a good one.
 */
export function backupSqlite(opts: SqliteBackupOptions): Manifest {
  const now = opts.now ?? new Date();
  if (existsSync(opts.outDir)) throw new Error(`${opts.outDir} already exists`);
  mkdirSync(opts.outDir, { recursive: true });
  try {
    const dbCopy = path.join(opts.outDir, DATABASE_FILE);
    snapshotInto(opts.dbFile, dbCopy);
    const check = checkDatabaseFile(dbCopy);
    const integrity = check.integrity.join("; ");
    if (integrity !== "ok" || check.foreignKeyViolations > 0) {
      throw new Error(`the snapshot failed its check (integrity_check: ${integrity}; foreign key violations: ${check.foreignKeyViolations})`);
    }
    const storageDir = opts.storageDir;
    const storage = storageDir ? withJobLookup(dbCopy, (rowOf) => copyJobFiles(storageDir, path.join(opts.outDir, STORAGE_DIR), rowOf, now)) : null;
    const manifest: Manifest = { format: 1, createdAt: now.toISOString(), dialect: "sqlite", database: DATABASE_FILE, integrity, jobs: check.jobs, storage };
    writeManifest(opts.outDir, manifest);
    return manifest;
  } catch (err) {
    rmSync(opts.outDir, { recursive: true, force: true });
    throw err;
  }
}
