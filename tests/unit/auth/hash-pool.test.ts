import { readdirSync, readFileSync } from "node:fs";
import { getPriority } from "node:os";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createHashPool, HASH_BUSY_MESSAGE, type HashPool } from "@/lib/auth/hash-pool";
import { AppError, toErrorPayload } from "@/lib/errors";
import { GATED_WORKER, holdThread } from "../../helpers/hash-gate";

let pool: HashPool | undefined;
const waitFor = (ok: () => boolean) => vi.waitFor(() => expect(ok()).toBe(true), { timeout: 10_000, interval: 20 });
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("password hashing pool (LD3)", () => {
  it("hashes and compares on its worker threads", async () => {
    pool = createHashPool({ threads: 2, queue: 4 });
    const hash = (await pool.run({ op: "hash", password: "violet kettle orbit", cost: 10 })) as string;
    expect(hash).toMatch(/^\$2b\$10\$.{53}$/);
    expect(await pool.run({ op: "compare", password: "violet kettle orbit", hash })).toBe(true);
    expect(await pool.run({ op: "compare", password: "violet kettle orbiT", hash })).toBe(false);
  });

  it("accepts threads + queue tasks, refuses the next with a 503 and Retry-After, and accepts again once one ends", async () => {
    pool = createHashPool({ threads: 1, queue: 1, workerPath: GATED_WORKER });
    const running = holdThread(pool);
    const waiting = holdThread(pool);
    expect(pool.saturated()).toBe(true);

    const refused = await pool.run({ op: "hash", password: "p", cost: 10 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    const { status, headers, body } = toErrorPayload(refused);
    expect(status).toBe(503);
    expect(Number(headers?.["Retry-After"])).toBeGreaterThan(0);
    expect(body.error).toEqual({ code: "unavailable", message: HASH_BUSY_MESSAGE });

    running.release();
    await running.done;
    expect(pool.saturated()).toBe(false);
    const accepted = pool.run({ op: "hash", password: "p", cost: 10 });
    waiting.release();
    await waiting.done;
    expect(await accepted).toMatch(/^\$2b\$10\$/);
  });

  it("gives a task that waited longer than maxWaitMs for a thread the 503 instead of its hash", async () => {
    let clock = 0;
    pool = createHashPool({ threads: 1, queue: 2, maxWaitMs: 1000, workerPath: GATED_WORKER, now: () => clock });
    const running = holdThread(pool);
    const late = pool.run({ op: "hash", password: "p", cost: 10 }).catch((e: unknown) => e);
    clock = 500;
    const inTime = pool.run({ op: "hash", password: "p", cost: 10 });
    clock = 1200; // `late` has waited 1200 ms, `inTime` 700 ms
    expect(pool.saturated()).toBe(false); // the expired one no longer holds a place
    running.release();
    await running.done;
    expect(toErrorPayload(await late).status).toBe(503);
    expect(await inTime).toMatch(/^\$2b\$10\$/);
  });

  it("hashes at the configured nice value on Linux, leaving the calling thread's priority alone", async () => {
    expect(process.platform).toBe("linux"); // the per-thread nice value is Linux's; this machine's CI is Linux
    const niceThreads = () =>
      readdirSync("/proc/self/task").filter((t) => {
        const stat = readFileSync(`/proc/self/task/${t}/stat`, "utf8");
        return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16] === "10";
      }).length;
    const before = { nice: niceThreads(), own: getPriority() };
    pool = createHashPool({ threads: 2, queue: 0, nice: 10, workerPath: GATED_WORKER });
    // Two holds at once with no backlog: both threads are running, so both have loaded the worker.
    const held = [holdThread(pool), holdThread(pool)];
    await waitFor(() => niceThreads() === before.nice + 2);
    expect(getPriority()).toBe(before.own);
    for (const h of held) h.release();
    await Promise.all(held.map((h) => h.done));
  });

  it("names a missing worker file instead of failing on the first sign-in", () => {
    expect(() => createHashPool({ threads: 1, queue: 0, workerPath: "/nonexistent/hash-worker.mjs" })).toThrow(/hash-worker\.mjs/);
  });
});
