import { copyFileSync, cpSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { checkDatabaseFile } from "@/lib/db/sqlite/file-backup";
import { backupDirName, readManifest, STORAGE_DIR } from "./manifest";
import { processesHolding } from "./open-files";

/** A restore that was not done, and why; nothing was changed. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefused";
  }
}

export interface RestoreOptions {
  backupDir: string;
  dbFile: string;
  /** The local storage directory to replace with the backup's files; null keeps the current files. */
  storageDir: string | null;
  now?: Date;
  /** Where /proc cannot tell whether a server has the database open, the operator vouches for it. */
  force?: boolean;
}

export interface RestoreResult {
  jobs: number;
  /** Where the replaced database files (and storage directory) were moved: nothing is deleted. */
  movedAside: string[];
  storageFiles: number | null;
}

/**
 * Swaps a backup in for the configured SQLite database (and, when asked, its storage directory).
 * Refuses while any process holds the database open, and checks the backup (integrity_check,
 * foreign keys, job count) on a temporary copy beside the database before the swap, which is a
 * rename: a failed restore leaves the current database as it was.
 */
export function restoreSqlite(opts: RestoreOptions): RestoreResult {
  const manifest = readManifest(opts.backupDir);
  if (manifest.dialect !== "sqlite") throw new RestoreRefused("this is a PostgreSQL backup: restore it with pg_restore (docs/maintenance.md → Backup and restore)");
  const live = [opts.dbFile, `${opts.dbFile}-wal`, `${opts.dbFile}-shm`];
  const holders = processesHolding(live);
  if (holders === null && !opts.force) {
    throw new RestoreRefused("cannot tell here whether a server or worker has the database open (no /proc): stop them, then run again with --force");
  }
  if (holders?.length) {
    throw new RestoreRefused(`${opts.dbFile} is open in process ${holders.join(", ")} (a server or worker?): stop every server and worker on it first`);
  }

  const incoming = `${opts.dbFile}.restoring`;
  rmSync(incoming, { force: true });
  mkdirSync(path.dirname(path.resolve(opts.dbFile)), { recursive: true });
  copyFileSync(path.join(opts.backupDir, manifest.database), incoming);
  const check = checkDatabaseFile(incoming);
  const integrity = check.integrity.join("; ");
  if (integrity !== "ok" || check.foreignKeyViolations > 0 || (manifest.jobs !== null && check.jobs !== manifest.jobs)) {
    rmSync(incoming, { force: true });
    throw new RestoreRefused(
      `the backup failed its check (integrity_check: ${integrity}; foreign key violations: ${check.foreignKeyViolations}; ` +
        `jobs: ${check.jobs}, manifest says ${manifest.jobs}); the current database is unchanged`,
    );
  }

  const stamp = backupDirName(opts.now ?? new Date()).slice("amr-".length);
  const movedAside: string[] = [];
  for (const file of live) {
    if (!existsSync(file)) continue;
    const aside = file.replace(/(-wal|-shm)?$/, (suffix) => `.before-restore-${stamp}${suffix}`);
    renameSync(file, aside);
    movedAside.push(aside);
  }
  renameSync(incoming, opts.dbFile);

  let storageFiles: number | null = null;
  if (opts.storageDir && manifest.storage) {
    if (existsSync(opts.storageDir)) {
      const aside = `${opts.storageDir.replace(/\/+$/, "")}.before-restore-${stamp}`;
      renameSync(opts.storageDir, aside);
      movedAside.push(aside);
    }
    const from = path.join(opts.backupDir, STORAGE_DIR);
    if (existsSync(from)) cpSync(from, opts.storageDir, { recursive: true });
    else mkdirSync(opts.storageDir, { recursive: true });
    storageFiles = manifest.storage.files;
  }
  return { jobs: check.jobs, movedAside, storageFiles };
}
