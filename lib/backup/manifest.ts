import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// manifest.json of a backup directory: what `npm run restore` needs to know and checks.

export const MANIFEST = "manifest.json";
export const DATABASE_FILE = "amr.db";
export const STORAGE_DIR = "storage";

export const manifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  dialect: z.enum(["sqlite", "postgres"]),
  /** The database file (SQLite) or dump (PostgreSQL) inside the backup directory. */
  database: z.string(),
  integrity: z.string(),
  jobs: z.number().int().nonnegative().nullable(),
  /** Null when the files were not copied (an object store, or --no-storage). */
  storage: z.object({ files: z.number().int(), bytes: z.number().int(), vanished: z.number().int() }).nullable(),
});

export type Manifest = z.infer<typeof manifestSchema>;

export function writeManifest(dir: string, manifest: Manifest): void {
  writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
}

export function readManifest(dir: string): Manifest {
  return manifestSchema.parse(JSON.parse(readFileSync(path.join(dir, MANIFEST), "utf8")));
}

/** backups/amr-20270315T120000Z: sorts by time, safe in any filesystem. */
export function backupDirName(now: Date): string {
  return `amr-${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`;
}
