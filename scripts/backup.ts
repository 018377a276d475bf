// `npm run backup [-- --out DIR] [--no-storage]`: an online backup into DIR/amr-<UTC time>/ (DIR
// defaults to ./backups) while the server keeps running. SQLite: a VACUUM INTO snapshot, checked
// with integrity_check, then the storage files its rows refer to. PostgreSQL: pg_dump (custom
// format), then the local storage files. Files in an object store (STORAGE_URL) are left to the
// bucket's own versioning or replication. See docs/maintenance.md "Backup and restore".
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupSqlite } from "@/lib/backup/backup-sqlite";
import { backupDirName, STORAGE_DIR, writeManifest, type Manifest } from "@/lib/backup/manifest";
import { pgDumpInvocation, pgRestoreCommand, runPgDump } from "@/lib/backup/postgres";
import { copyJobFiles } from "@/lib/backup/storage-copy";
import { sqliteFileOfUrl } from "@/lib/db/sqlite/file-backup";
import { configuredDatabaseUrl, createDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

const { values: opt } = parseArgs({ options: { out: { type: "string", default: "backups" }, "no-storage": { type: "boolean", default: false } } });
const env = getEnv();
const now = new Date();
const dir = path.resolve(opt.out, backupDirName(now));
const storageDir = env.STORAGE_URL || opt["no-storage"] ? null : env.STORAGE_DIR;

function postgresBackup(url: string): Manifest {
  mkdirSync(dir, { recursive: true });
  const dump = "amr.dump";
  if (!runPgDump(url, path.join(dir, dump))) {
    const { args } = pgDumpInvocation(url, path.join(dir, dump));
    throw new Error(`pg_dump is not installed. Install the PostgreSQL client tools, or run it yourself: PGPASSWORD=… pg_dump ${args.join(" ")}`);
  }
  // The dump's rows are not known here, so every job file is copied: files of jobs created after
  // the dump become orphans in a restore, which maintenance removes after the grace period.
  const storage = storageDir ? copyJobFiles(storageDir, path.join(dir, STORAGE_DIR), () => true) : null;
  const manifest: Manifest = { format: 1, createdAt: now.toISOString(), dialect: "postgres", database: dump, integrity: "pg_dump ok", jobs: null, storage };
  writeManifest(dir, manifest);
  return manifest;
}

const db = createDb(configuredDatabaseUrl());
try {
  const manifest = env.DATABASE_URL
    ? postgresBackup(env.DATABASE_URL)
    : await backupSqlite({ db, dbFile: sqliteFileOfUrl(env.DATABASE_FILE), storageDir, outDir: dir, now });
  console.log(`backup written to ${dir}`);
  console.log(`  database: ${manifest.database} (${manifest.dialect}; ${manifest.integrity}${manifest.jobs !== null ? `; ${manifest.jobs} jobs` : ""})`);
  if (manifest.storage) {
    const { files, bytes, vanished } = manifest.storage;
    console.log(`  storage: ${files} files, ${(bytes / 1e6).toFixed(1)} MB${vanished ? ` (${vanished} deleted during the backup: those jobs will be listed as missingFiles after a restore)` : ""}`);
  } else {
    console.log(`  storage: ${env.STORAGE_URL ? "in the object store (use the bucket's versioning or replication)" : storageDir ? "copied" : "not copied (--no-storage)"}`);
  }
  if (manifest.dialect === "postgres") console.log(`  restore with: ${pgRestoreCommand(path.join(dir, manifest.database))}`);
  else console.log(`  restore with: npm run restore -- ${dir.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), dir) : dir}`);
} catch (err) {
  console.error("backup failed:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
