import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { readManifest } from "@/lib/backup/manifest";
import { closeDb, createDb } from "@/lib/db";
import { checkDatabaseFile } from "@/lib/db/sqlite/file-backup";
import { getJobForUser } from "@/lib/jobs/queries";
import { DEFAULT_RETENTION_POLICY } from "@/lib/maintenance/policy";
import { runMaintenance } from "@/lib/maintenance/run-maintenance";
import { acquireLock, MAINTENANCE_LOCK } from "@/lib/maintenance/run-lock";
import { LocalStorage } from "@/lib/storage/local-storage";
import { withTestDbAndStorage, type TempStorage } from "../helpers/jobs";
import { seedUser, type TestDb } from "../helpers/test-db";
import { seedJob, type SeededJob } from "./maintenance-fixtures";

// DL4: `npm run backup` and `npm run restore`, run as an operator runs them (the scripts, in
// processes of their own), while another process writes jobs and this one polls and uploads.

let t: TestDb;
let s: TempStorage;
withTestDbAndStorage((db, storage) => {
  t = db;
  s = storage;
});

function runScript(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts", script), ...args], {
    env: { ...process.env, ...env, DATABASE_URL: "", STORAGE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? -1, out, err })));
}

/** The application's own insertJob in a loop, in another process; resolves once its first job committed. */
async function startWriter(userId: string): Promise<ChildProcess> {
  const writer = spawn(process.execPath, ["--import", "tsx", path.resolve("tests/helpers/writer-child.ts"), t.file, userId], { stdio: ["ignore", "pipe", "inherit"] });
  await once(writer.stdout!, "data");
  writer.stdout!.resume(); // its ids are not needed here; an unread pipe would stall it
  return writer;
}

describe("online backup and restore (DL4)", () => {
  it("a backup taken under concurrent writes, polls and uploads restores to a sound database the app reads, with nothing for the reconciler to fix", async () => {
    const user = await seedUser(t.db);
    const before: SeededJob[] = [];
    for (let i = 0; i < 6; i++) before.push(await seedJob(t.db, s.storage, user.id, { status: "Completed", completedAt: new Date() }));
    const writer = await startWriter(user.id);
    onTestFinished(() => void writer.kill("SIGKILL"));
    let busy = true;
    // better-sqlite3 answers synchronously: without a macrotask turn per iteration these loops
    // would never let the backup process's exit event through.
    const turn = () => new Promise((r) => setImmediate(r));
    let polls = 0;
    let uploads = 0;
    const poller = (async () => {
      for (; busy; polls++, await turn()) expect(await getJobForUser(t.db, user.id, before[polls % before.length].id)).not.toBeNull();
    })();
    // Files first, then the row, as an upload does: files of rows the snapshot misses must stay out of the backup.
    const uploader = (async () => {
      for (; busy; uploads++, await turn()) await seedJob(t.db, s.storage, user.id, { status: "Completed", completedAt: new Date() });
    })();
    const backupRoot = path.join(t.dir, "backups");
    const backup = await runScript("backup.ts", ["--out", backupRoot], { DATABASE_FILE: `file:${t.file}`, STORAGE_DIR: s.dir });
    busy = false;
    await Promise.all([poller, uploader]);
    expect(backup.code, backup.err).toBe(0);
    expect(polls).toBeGreaterThan(0);
    expect(uploads).toBeGreaterThan(0);
    const dir = path.join(backupRoot, backup.out.match(/amr-\d{8}T\d{6}Z/)![0]);
    const manifest = readManifest(dir);
    expect(manifest).toMatchObject({ dialect: "sqlite", integrity: "ok", storage: { vanished: 0 } });

    // Refused while a process (here the writer) holds the database open; nothing is changed.
    const refused = await runScript("restore.ts", [dir], { DATABASE_FILE: `file:${t.file}`, STORAGE_DIR: s.dir });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(new RegExp(`is open in process [\\d, ]*\\b${writer.pid}\\b`));
    writer.kill("SIGKILL");
    await once(writer, "exit");

    const restoredFile = path.join(t.dir, "restored", "app.db");
    const restoredStorage = path.join(t.dir, "restored", "storage");
    const restore = await runScript("restore.ts", [dir], { DATABASE_FILE: `file:${restoredFile}`, STORAGE_DIR: restoredStorage });
    expect(restore.code, restore.err).toBe(0);
    const check = checkDatabaseFile(restoredFile);
    expect(check).toMatchObject({ integrity: ["ok"], foreignKeyViolations: 0, jobs: manifest.jobs });
    expect(manifest.jobs).toBeGreaterThan(before.length); // the writer's jobs made it in too

    const db = createDb(`file:${restoredFile}`);
    try {
      const storage = new LocalStorage(restoredStorage);
      for (const job of before) {
        expect(await getJobForUser(db, user.id, job.id)).toMatchObject({ id: job.id, status: "Completed" });
        expect(await storage.head(job.inputKey!)).not.toBeNull();
      }
      // The backup held maintenance off through its lock; that hold is not part of what is restored.
      expect(await db.maintenanceLock.count()).toBe(0);
      // A day past the orphan grace period: any file no row keeps would be removed here.
      const result = await runMaintenance({
        db,
        storage,
        policy: DEFAULT_RETENTION_POLICY,
        trigger: "test",
        clock: () => new Date(Date.now() + (DEFAULT_RETENTION_POLICY.orphanGraceHours + 1) * 3_600_000),
        log: () => undefined,
      });
      expect(result).toMatchObject({ skipped: false, orphansRemoved: 0, missingFiles: 0 });
    } finally {
      await closeDb(db);
    }
  }, 60_000);

  it("refuses while a maintenance run holds its lock (archiving moves files), and writes nothing", async () => {
    expect(await acquireLock(t.db, MAINTENANCE_LOCK, "a running maintenance", undefined, 60_000)).toBe(true);
    const backupRoot = path.join(t.dir, "backups");
    const backup = await runScript("backup.ts", ["--out", backupRoot], { DATABASE_FILE: `file:${t.file}`, STORAGE_DIR: s.dir });
    expect(backup.code).toBe(1);
    expect(backup.err).toContain("a maintenance run is in progress");
    expect(existsSync(backupRoot) ? readdirSync(backupRoot) : []).toEqual([]);
  }, 60_000);

  it("refuses a backup that fails its check and leaves the current database as it was", async () => {
    const user = await seedUser(t.db);
    await seedJob(t.db, s.storage, user.id, { status: "Completed", completedAt: new Date() });
    const backupRoot = path.join(t.dir, "backups");
    const backup = await runScript("backup.ts", ["--out", backupRoot], { DATABASE_FILE: `file:${t.file}`, STORAGE_DIR: s.dir });
    expect(backup.code, backup.err).toBe(0);
    const dir = path.join(backupRoot, backup.out.match(/amr-\d{8}T\d{6}Z/)![0]);
    const { writeFileSync, readFileSync } = await import("node:fs");
    // A manifest that disagrees with the database file: the restore must not trust the copy.
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
    writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ ...manifest, jobs: manifest.jobs + 5 }));
    const target = path.join(t.dir, "target.db");
    writeFileSync(target, "current database");
    const refused = await runScript("restore.ts", [dir, "--no-storage"], { DATABASE_FILE: `file:${target}`, STORAGE_DIR: s.dir });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/failed its check.*the current database is unchanged/);
    expect(readFileSync(target, "utf8")).toBe("current database");
  }, 60_000);
});
