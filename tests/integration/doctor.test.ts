import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, createDb, sqlOf } from "@/lib/db";
import { checkDatabase, checkSecrets, checkStorage, checkThisMachine, checkWorkers, committedMigrations } from "@/lib/doctor/checks";
import { WORKER_SILENCE_MS } from "@/lib/jobs/worker/config";
import { parseEnv } from "@/lib/env";
import { LocalStorage } from "@/lib/storage/local-storage";
import { startS3Server } from "../helpers/s3-server";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { testDialect } from "../helpers/test-dialect";

// `npm run doctor`'s checks on real databases and stores, healthy and broken.
const root = path.resolve(import.meta.dirname, "..", "..");
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function testDb(): Promise<TestDb> {
  const t = await createTestDb();
  cleanups.push(() => t.close());
  return t;
}
const levels = (fs: { level: string }[]) => fs.map((f) => f.level);

describe("npm run doctor", () => {
  it("passes a migrated database, and names what is wrong with an empty or unreachable one", async () => {
    const t = await testDb();
    // The test template is migrated from the SQL files, not by Prisma: record them as Prisma would.
    const committed = committedMigrations(root, testDialect);
    await t.db.$executeRawUnsafe(
      'CREATE TABLE IF NOT EXISTS "_prisma_migrations" (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, finished_at TEXT, migration_name TEXT NOT NULL, logs TEXT, rolled_back_at TEXT, started_at TEXT NOT NULL, applied_steps_count INTEGER NOT NULL DEFAULT 0)',
    );
    for (const name of committed.slice(0, -1)) {
      await t.db.$executeRawUnsafe(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at) VALUES ('${name}', 'x', '2026-01-01', '${name}', '2026-01-01')`,
      );
    }
    const behind = await checkDatabase(t.db, committed);
    expect(levels(behind)).toEqual(["fail"]);
    expect(behind[0].message).toContain(committed.at(-1));
    expect(behind[0].message).toContain("npm run db:deploy");
    const last = committed.at(-1)!;
    await t.db.$executeRawUnsafe(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at) VALUES ('${last}', 'x', '2026-01-01', '${last}', '2026-01-01')`);
    expect(levels(await checkDatabase(t.db, committed))).toEqual(["ok"]);

    const bare = await testDb();
    expect((await checkDatabase(bare.db, committed))[0].message).toMatch(/no migrations applied/);

    const dead = createDb(testDialect === "postgres" ? "postgresql://amr:amr@127.0.0.1:1/nowhere" : "file:/nonexistent-dir/x.db");
    cleanups.push(() => closeDb(dead));
    const down = await checkDatabase(dead, committed);
    expect(levels(down)).toEqual(["fail"]);
    expect(down[0].message).toMatch(/does not answer/);
  });

  it("writes and reads back a test object on a directory and on a bucket, and fails on a read-only directory", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "amr-doctor-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const local = new LocalStorage(dir);
    expect(levels(await checkStorage(local))).toEqual(["ok"]);
    expect((await local.list("doctor/", { limit: 10 })).objects).toEqual([]); // the probe is removed

    const s3 = await startS3Server("amr-doctor");
    cleanups.push(() => s3.stop());
    const bucket = await checkStorage(s3.storage("x/"));
    expect(levels(bucket)).toEqual(["ok", "ok"]);
    expect(bucket[1].message).toContain(s3.endpoint);

    // A storage root that is a regular file cannot hold objects (and root cannot override that).
    writeFileSync(path.join(dir, "not-a-directory"), "x");
    const broken = await checkStorage(new LocalStorage(path.join(dir, "not-a-directory")));
    expect(levels(broken)).toEqual(["fail"]);
    expect(broken[0].message).toMatch(/cannot be written and read back/);
  });

  it("sees live workers by their heartbeats, and says when none reported or one lacks the ResFinder database", async () => {
    const t = await testDb();
    const none = await checkWorkers(t.db);
    expect(levels(none)).toEqual(["fail"]);
    expect(none[0].message).toMatch(/npm run worker/);

    await sqlOf(t.db).workerHeartbeat("w1", "host-a", true);
    expect(levels(await checkWorkers(t.db))).toEqual(["ok"]);
    await sqlOf(t.db).workerHeartbeat("w2", "host-b", false);
    const partial = await checkWorkers(t.db);
    expect(levels(partial)).toEqual(["ok", "fail"]);
    expect(partial[1].message).toContain("host-b");

    // Silent for longer than three heartbeats: gone.
    const old = new Date((await sqlOf(t.db).now()).getTime() - WORKER_SILENCE_MS - 1000);
    await t.db.workerHeartbeat.updateMany({ data: { lastSeenAt: old } });
    expect(levels(await checkWorkers(t.db))).toEqual(["fail"]);
  });

  it("checks secrets and this machine's engine files", () => {
    const prod = parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32), SCHEDULER_ENABLED: "false" });
    const secrets = checkSecrets(prod);
    expect(secrets.map((f) => f.check)).toEqual(["secrets", "secrets", "maintenance"]);
    expect(levels(secrets)).toEqual(["ok", "warn", "warn"]);

    const missing = checkThisMachine(parseEnv({ AMR_DB_DIR: "/nonexistent", WORKER_ENABLED: "true", AMR_WORKER_PATH: "/nonexistent.mjs" }), root);
    expect(levels(missing)).toEqual(["fail", "fail"]);
    const webOnly = checkThisMachine(parseEnv({ AMR_DB_DIR: "/nonexistent", WORKER_ENABLED: "false" }), root);
    expect(levels(webOnly)).toEqual(["warn"]);
  });
});
