import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createPrisma, type Db } from "@/lib/db";
import { closeHotReader } from "@/lib/db-hot-read";

export interface TestDb {
  db: Db;
  file: string;
  dir: string;
  close: () => Promise<void>;
}

/** A real, migrated, throwaway SQLite file (copied from the run's template). */
export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "amr-test-"));
  const file = path.join(dir, "test.db");
  copyFileSync(inject("templateDb"), file);
  const db = createPrisma(`file:${file}`);
  return {
    db,
    file,
    dir,
    close: async () => {
      closeHotReader(`file:${file}`);
      await db.$disconnect();
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
