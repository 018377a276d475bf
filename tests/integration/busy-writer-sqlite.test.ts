import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { toErrorPayload } from "@/lib/errors";
import { insertJob } from "@/lib/jobs/job-repository";
import { withTestDbAndStorage, type TempStorage } from "../helpers/jobs";
import { defaultParams, seedUser, type TestDb } from "../helpers/test-db";

let t: TestDb;
withTestDbAndStorage((db: TestDb, _s: TempStorage) => {
  t = db;
});

/**
 * Another process takes SQLite's write lock (BEGIN IMMEDIATE) and keeps it for `ms`. With a
 * `marker`, it also writes that row in the same transaction: seeing it proves a later write waited.
 */
function holdWriteLock(file: string, ms: number, marker?: string): Promise<{ released: Promise<void> }> {
  const mark = marker ? `db.prepare("INSERT INTO users (id, username, password_hash) VALUES (?, ?, 'x')").run(${JSON.stringify(marker)}, ${JSON.stringify(marker)});` : "";
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const D = require("better-sqlite3"); const db = new D(process.argv[1]); db.exec("BEGIN IMMEDIATE");
       ${mark} process.stdout.write("locked\\n"); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
       db.exec("COMMIT"); db.close();`,
      file,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const released = new Promise<void>((r) => child.on("exit", () => r()));
  return new Promise((resolve) => child.stdout.once("data", () => resolve({ released })));
}

const newJob = (userId: string) => insertJob(t.db, { userId, jobName: "busy", params: defaultParams });

describe("SQLite's single writer held by another process", () => {
  it("waits out a 2 s lock (busy_timeout 5 s) and the write succeeds", async () => {
    const u = await seedUser(t.db);
    const { released } = await holdWriteLock(t.file, 2000, "lock-holder");
    await expect(newJob(u.id)).resolves.toMatchObject({ status: "Submitted" });
    // The holder's row, written inside its locked transaction, is there: the write came after its
    // commit, so it waited for the lock rather than slipping past it.
    expect(await t.db.user.findUnique({ where: { id: "lock-holder" }, select: { id: true } })).toEqual({ id: "lock-holder" });
    await released;
  });

  it("gives up on an 8 s lock with a clean 503, and the next writes succeed (prisma#29933)", async () => {
    const u = await seedUser(t.db);
    const { released } = await holdWriteLock(t.file, 8000);
    const err = await newJob(u.id).catch((e: unknown) => e);
    expect(toErrorPayload(err)).toMatchObject({ status: 503, body: { error: { code: "unavailable" } } });
    await released;
    // The connection is not left broken and nothing half-written stays behind.
    await expect(newJob(u.id)).resolves.toMatchObject({ status: "Submitted" });
    await expect(t.db.$transaction([t.db.user.count(), t.db.amrJob.count()])).resolves.toEqual([1, 1]);
  }, 20_000);
});
