import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../helpers/genome-generator";
import { withTestDbAndStorage, type TempStorage } from "../helpers/jobs";
import { seedUser, type TestDb } from "../helpers/test-db";

let t: TestDb;
withTestDbAndStorage((db: TestDb, _s: TempStorage) => {
  t = db;
});

/** Runs the writer child until `killAfterMs`, SIGKILLs it, and returns the ids it acknowledged. */
function writeUntilKilled(userId: string, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.resolve("tests/helpers/writer-child.ts"), t.file, userId], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    let started = false;
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (!started) {
        started = true; // count from the first commit, not from process start-up
        setTimeout(() => child.kill("SIGKILL"), killAfterMs);
      }
    });
    child.on("exit", () => resolve(out.split("\n").filter((l) => /^[0-9a-f-]{36}$/.test(l))));
  });
}

describe("kill -9 while writing", () => {
  it("keeps the database intact and every acknowledged job with its parameters", async () => {
    const user = await seedUser(t.db);
    const acknowledged: string[] = [];
    const rand = mulberry32(20261130); // seeded: a failure names kill times that can be replayed
    for (let round = 0; round < 8; round++) {
      acknowledged.push(...(await writeUntilKilled(user.id, 20 + Math.floor(rand() * 200))));
    }
    expect(acknowledged.length).toBeGreaterThan(8);

    const raw = new Database(t.file, { readonly: true });
    try {
      expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(raw.pragma("foreign_key_check")).toEqual([]);
      const present = new Set((raw.prepare("SELECT j.id FROM amr_jobs j JOIN amr_job_params p ON p.job_id = j.id").all() as { id: string }[]).map((r) => r.id));
      expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
      // No job row without its parameters (they are written in one transaction).
      expect(raw.prepare("SELECT COUNT(*) AS n FROM amr_jobs WHERE id NOT IN (SELECT job_id FROM amr_job_params)").get()).toEqual({ n: 0 });
    } finally {
      raw.close();
    }
  }, 60_000);
});
