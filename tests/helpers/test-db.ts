import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { closeDb, createDb, type Db, type DbOptions } from "@/lib/db";
import { createFromTemplate, databaseUrl, dropTestDatabase, testServerUrl } from "./pg-admin";
import { testDialect } from "./test-dialect";

export interface TestDb {
  db: Db;
  /** The database's URL: file:… or postgresql://…, for a second client on the same database. */
  url: string;
  /** SQLite only: the file (tests that open it raw). */
  file: string;
  /** A throwaway directory that goes with the database (logs, storage). */
  dir: string;
  close: () => Promise<void>;
}

let seq = 0;

/**
 * A real, migrated, throwaway database: a copy of the run's migrated SQLite template, or on
 * PostgreSQL a new database created from the run's migrated template database.
 */
export async function createTestDb(opts: DbOptions = {}): Promise<TestDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "amr-test-"));
  if (testDialect === "postgres") {
    const name = `${inject("pgTemplate")}_${process.pid}_${++seq}`;
    await createFromTemplate(name, inject("pgTemplate"));
    const url = databaseUrl(testServerUrl(), name);
    const db = createDb(url, opts);
    return {
      db,
      url,
      file: "",
      dir,
      close: async () => {
        await closeDb(db);
        await dropTestDatabase(name);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const file = path.join(dir, "test.db");
  copyFileSync(inject("templateDb"), file);
  const db = createDb(`file:${file}`, opts);
  return {
    db,
    url: `file:${file}`,
    file,
    dir,
    close: async () => {
      await closeDb(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let userSeq = 0;
/** Inserts a user row directly; auth tests go through the real service instead. */
export async function seedUser(db: Db, overrides: { id?: string; username?: string; role?: string } = {}) {
  userSeq += 1;
  const id = overrides.id ?? crypto.randomUUID();
  return db.user.create({
    data: {
      id,
      username: overrides.username ?? `user${userSeq}_${id.slice(0, 6)}`,
      passwordHash: "$2b$12$invalidinvalidinvalidinvalidinvalidinvalidinvalidinvali",
      role: overrides.role ?? "user",
    },
  });
}

export const defaultParams = {
  modelName: "resfinder-genes",
  batchSize: 8,
  segmentLength: 6000,
  segmentOverlap: 0,
  useCpu: true,
  minIdentity: 80,
  minCoverage: 60,
};
