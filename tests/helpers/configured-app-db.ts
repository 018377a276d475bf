import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, beforeEach, expect } from "vitest";
import { appDb, closeDb, overrideAppDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createTestDb, type TestDb } from "./test-db";
import { onSqlite } from "./test-dialect";

const run = promisify(execFile);

/** Points the app (appDb, getEnv) at a throwaway database for each test. */
export function withConfiguredAppDb(): void {
  let t: TestDb;
  const KEYS = ["DATABASE_FILE", "DATABASE_URL", "SQLITE_SYNCHRONOUS", "SQLITE_BUSY_TIMEOUT_MS"];
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

  beforeEach(async () => {
    t = await createTestDb();
    if (onSqlite) {
      // The template is in rollback-journal mode: WAL must come from the app's connection, not the file.
      const raw = new Database(t.file);
      expect(raw.pragma("journal_mode", { simple: true })).toBe("delete");
      raw.close();
      process.env.DATABASE_FILE = t.url;
      delete process.env.DATABASE_URL;
    } else {
      process.env.DATABASE_URL = t.url;
    }
    resetEnvCache();
    overrideAppDb(undefined);
  });
  afterEach(async () => {
    await closeDb(appDb());
    overrideAppDb(undefined);
    for (const k of KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    resetEnvCache();
    await t.close();
  });
}

/** The connection settings a standalone worker process reports (tests/helpers/connection-settings-child.ts). */
export async function workerSettings(env: Record<string, string>) {
  const child = path.resolve("tests/helpers/connection-settings-child.ts");
  const { stdout } = await run(process.execPath, ["--import", "tsx", child], {
    env: { ...process.env, WORKER_ENABLED: "true", SCHEDULER_ENABLED: "false", ...env },
    timeout: 30_000,
  });
  return JSON.parse(stdout) as Record<string, string | number>;
}

