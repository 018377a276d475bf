// `npm run restore -- <backup directory> [--no-storage] [--force]`: puts a backup made by
// `npm run backup` in place of the configured SQLite database (and STORAGE_DIR, unless
// --no-storage). Refuses while a server or worker has the database open, and checks the backup
// (integrity_check, foreign keys, job count) before the swap; the replaced files are moved aside,
// never deleted. PostgreSQL dumps are restored with pg_restore (printed). Then: npm run db:deploy
// (migrations newer than the backup), start the server, npm run maintenance.
import { parseArgs } from "node:util";
import { readManifest, STORAGE_DIR } from "@/lib/backup/manifest";
import { pgRestoreCommand } from "@/lib/backup/postgres";
import { RestoreRefused, restoreSqlite } from "@/lib/backup/restore-sqlite";
import { sqliteFileOfUrl } from "@/lib/db/sqlite/file-backup";
import { getEnv } from "@/lib/env";
import path from "node:path";

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: { "no-storage": { type: "boolean", default: false }, force: { type: "boolean", default: false } },
});

try {
  if (positionals.length !== 1) throw new RestoreRefused("usage: npm run restore -- <backup directory> [--no-storage] [--force]");
  const backupDir = path.resolve(positionals[0]);
  const env = getEnv();
  const manifest = readManifest(backupDir);
  if (manifest.dialect === "postgres" || env.DATABASE_URL) {
    throw new RestoreRefused(
      manifest.dialect === "postgres"
        ? `a PostgreSQL dump is restored with pg_restore, with every server and worker stopped:\n  ${pgRestoreCommand(path.join(backupDir, manifest.database))}` +
          (manifest.storage ? `\nthen its ${manifest.storage.files} job files into STORAGE_DIR:\n  cp -a ${path.join(backupDir, STORAGE_DIR)}/. "$STORAGE_DIR"/` : "")
        : "DATABASE_URL points at PostgreSQL, but this is a SQLite backup: unset DATABASE_URL (and set DATABASE_FILE) to restore it",
    );
  }
  const dbFile = sqliteFileOfUrl(env.DATABASE_FILE);
  const storageDir = opt["no-storage"] || env.STORAGE_URL ? null : env.STORAGE_DIR;
  const result = restoreSqlite({ backupDir, dbFile, storageDir, force: opt.force });
  console.log(`restored ${backupDir} (taken ${manifest.createdAt}) into ${dbFile}: integrity_check ok, ${result.jobs} jobs`);
  if (result.storageFiles !== null) console.log(`  storage: ${result.storageFiles} files into ${storageDir}`);
  for (const aside of result.movedAside) console.log(`  the replaced ${aside.includes("storage") ? "files" : "file"} kept at ${aside}`);
  console.log("next: npm run db:deploy (migrations newer than the backup), start the server, then npm run maintenance");
} catch (err) {
  console.error(`restore refused: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
}
