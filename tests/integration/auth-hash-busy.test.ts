import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as register } from "@/app/api/auth/register/route";
import { closeHashPool, hashPool, HASH_BUSY_MESSAGE } from "@/lib/auth/hash-pool";
import { SIGN_IN_BUSY } from "@/lib/auth/sign-in-busy";
import { createUser } from "@/lib/auth/users";
import { resetEnvCache } from "@/lib/env";
import { limitKeys, POLICIES } from "@/lib/rate-limit/policies";
import { checkLimit } from "@/lib/rate-limit/store";
import { withAppTestDb } from "../helpers/app-db";
import { signInWithPassword } from "../helpers/auth";
import { GATED_WORKER, holdThread } from "../helpers/hash-gate";

const t = withAppTestDb();
const BASE = "http://localhost:3000";
const PASSWORD = "correct horse battery staple";
const SETTINGS = { BCRYPT_COST: "10", PASSWORD_HASH_THREADS: "1", PASSWORD_HASH_QUEUE: "0", HASH_WORKER_PATH: GATED_WORKER };

beforeAll(async () => {
  Object.assign(process.env, SETTINGS);
  resetEnvCache();
  await closeHashPool();
});
afterAll(async () => {
  for (const k of Object.keys(SETTINGS)) delete process.env[k];
  resetEnvCache();
  await closeHashPool();
});

let hold: ReturnType<typeof holdThread> | undefined;
beforeEach(async () => {
  await createUser(t.current.db, { username: "judy", password: PASSWORD });
  // One thread, no backlog: this hold saturates the pool until released.
  hold = holdThread(hashPool());
});
afterEach(async () => {
  hold?.release();
  await hold?.done;
});

function credentialsPost(username: string, password: string) {
  return nextAuthPost(
    new NextRequest(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.7" },
      body: new URLSearchParams({ username, password, csrfToken: "x", json: "true" }),
    }),
    { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
  );
}

async function expectBusy(res: Response) {
  expect(res.status).toBe(503);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await res.json()).toEqual({ error: { code: "unavailable", message: HASH_BUSY_MESSAGE } });
}

describe("saturated password hashing (LD3)", () => {
  it("answers a sign-in with 503, Retry-After and a message the form shows", async () => {
    await expectBusy(await credentialsPost("judy", PASSWORD));
  });

  it("answers a registration with the same 503 and stores nothing", async () => {
    const res = await register(
      new Request(`${BASE}/api/auth/register`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE },
        body: JSON.stringify({ username: "kim", password: PASSWORD }),
      }),
      { params: Promise.resolve({}) },
    );
    await expectBusy(res);
    expect(await t.current.db.user.count({ where: { usernameKey: "kim" } })).toBe(0);
  });

  it("does not count a sign-in it could not check against the account or the address", async () => {
    await expect(signInWithPassword("judy", PASSWORD, { "x-forwarded-for": "203.0.113.8" })).rejects.toThrow(SIGN_IN_BUSY);
    const account = await checkLimit(t.current.db, limitKeys.loginAccount("judy"), POLICIES.loginPerAccount);
    const address = await checkLimit(t.current.db, limitKeys.loginIp("203.0.113.8"), POLICIES.loginPerIp);
    expect([account.count, address.count]).toEqual([0, 0]);
  });

  it("signs in again once a thread is free", async () => {
    hold?.release();
    await hold?.done;
    hold = undefined;
    expect(await signInWithPassword("judy", PASSWORD)).toMatch(/session-token=/);
    expect(await signInWithPassword("judy", "wrong password here")).toBeNull();
  });
});
