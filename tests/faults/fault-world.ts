// What every process-level fault test needs: a throwaway database (the run's dialect) and storage
// directory, jobs queued with real input files, and real `scripts/worker.ts` processes pointed
// at them, whose engine child is tests/faults/fake-engine.mjs. Timings are shortened through the
// same environment variables an operator would set (a 2 s lease, a 300 ms retry base).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TestContext } from "vitest";
import type { Db } from "@/lib/db";
import { jobFiles } from "@/lib/jobs/job-files";
import { insertJob } from "@/lib/jobs/job-repository";
import { LocalStorage } from "@/lib/storage/local-storage";
import { randomGenome, tempStorage } from "../helpers/jobs";
import { createTestDb, defaultParams, seedUser, type TestDb } from "../helpers/test-db";
import { killHard, root, startNode, tail, waitFor, type Proc } from "../multi/processes";

export const LEASE_MS = 2000;
const FAKE_ENGINE = path.join(root, "tests", "faults", "fake-engine.mjs");

export interface FaultWorld {
  t: TestDb;
  db: Db;
  storage: LocalStorage;
  storageDir: string;
  userId: string;
  /** The fake engine's run log: "start|done <pid> <input>" per line. */
  engineLog: string;
  queue(n: number, name?: string): Promise<string[]>;
  startWorker(name: string, env?: Record<string, string>): Proc;
  engineLogLines(): string[];
  /** The engine runs so far, by kind, for one job's input. */
  runs(jobId: string): { started: number; done: number };
  row(jobId: string): ReturnType<Db["amrJob"]["findUniqueOrThrow"]>;
}

/**
 * A fresh world for the calling test (tests run concurrently: each has its own database, storage
 * and processes); every process it started is killed when the test finishes. `onTestFinished`
 * must be the test's own (from its context): the global one cannot tell concurrent tests apart.
 */
export async function faultWorld(onTestFinished: TestContext["onTestFinished"]): Promise<FaultWorld> {
  const testDb = await createTestDb();
  const s = tempStorage();
  const procs: Proc[] = [];
  onTestFinished(async () => {
    await Promise.all(procs.map(killHard));
    await testDb.close();
    s.cleanup();
  });
  const user = await seedUser(testDb.db);
  const engineLog = path.join(testDb.dir, "engine.log");
  const world: FaultWorld = {
    t: testDb,
    db: testDb.db,
    storage: s.storage,
    storageDir: s.dir,
    userId: user.id,
    engineLog,
    async queue(n, name = "fault") {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const id = crypto.randomUUID();
        const key = jobFiles.input(id, false);
        await s.storage.put(key, randomGenome(600, i + 1));
        await insertJob(testDb.db, { id, userId: user.id, jobName: `${name} ${i}`, params: defaultParams, inputFilePath: key, createdAt: new Date(Date.now() - 60_000 + i) });
        ids.push(id);
      }
      return ids;
    },
    startWorker(name, env = {}) {
      const proc = startNode(name, ["--import", "tsx", path.join(root, "scripts", "worker.ts")], {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "test",
        ...(testDb.url.startsWith("file:") ? { DATABASE_FILE: testDb.url } : { DATABASE_URL: testDb.url, DATABASE_POOL_SIZE: "3" }),
        STORAGE_DIR: s.dir,
        AMR_WORKER_PATH: FAKE_ENGINE,
        AMR_ENGINE_ISOLATION: "process",
        WORKER_LEASE_MS: String(LEASE_MS),
        WORKER_MAX_ATTEMPTS: "3",
        WORKER_RETRY_BASE_MS: "300",
        WORKER_RETRY_MAX_MS: "2000",
        SCHEDULER_ENABLED: "false",
        FAKE_ENGINE_LOG: engineLog,
        ...env,
      });
      procs.push(proc);
      return proc;
    },
    engineLogLines() {
      try {
        return readFileSync(engineLog, "utf8").split("\n");
      } catch {
        return []; // no run yet
      }
    },
    runs(jobId) {
      const mine = world.engineLogLines().filter((l) => l.includes(`/inputs/${jobId}.fa`));
      return { started: mine.filter((l) => l.startsWith("start ")).length, done: mine.filter((l) => l.startsWith("done ")).length };
    },
    row: (jobId) => testDb.db.amrJob.findUniqueOrThrow({ where: { id: jobId } }),
  };
  return world;
}

/** Waits until the worker logged that it started, failing with its output if it died first. */
export async function workerStarted(proc: Proc): Promise<string> {
  return waitFor(`${proc.name} to start`, () => /\[worker\] (\S+) started/.exec(proc.output())?.[1], { timeoutMs: 20_000, watch: [proc] });
}

/** Waits for a row condition; `watch` processes dying meanwhile fail the wait with their output. */
export function waitForRow<T>(what: string, check: () => Promise<T | undefined>, watch: Proc[] = [], timeoutMs = 30_000): Promise<T> {
  return waitFor(what, check, { timeoutMs, everyMs: 25, watch });
}

export { tail };
