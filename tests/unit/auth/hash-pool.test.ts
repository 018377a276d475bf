import { afterEach, describe, expect, it } from "vitest";
import { createHashPool, HASH_BUSY_MESSAGE, type HashPool } from "@/lib/auth/hash-pool";
import { AppError, toErrorPayload } from "@/lib/errors";
import { GATED_WORKER, holdThread } from "../../helpers/hash-gate";

let pool: HashPool | undefined;
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

  it("names a missing worker file instead of failing on the first sign-in", () => {
    expect(() => createHashPool({ threads: 1, queue: 0, workerPath: "/nonexistent/hash-worker.mjs" })).toThrow(/hash-worker\.mjs/);
  });
});
