import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Applies every committed migration to a new SQLite file (tests and benchmarks; no Prisma CLI). */
export function migrateFile(file: string, root = path.resolve(import.meta.dirname, "..", "..")): void {
  const db = new Database(file);
  try {
    const dir = path.join(root, "prisma", "migrations");
    for (const name of readdirSync(dir).filter((n) => /^\d/.test(n)).sort()) {
      db.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    }
  } finally {
    db.close();
  }
}
