import { NextRequest } from "next/server";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as requestReset } from "@/app/api/auth/password-reset/route";
import { loginBlocked } from "@/lib/auth/login-limits";
import { createUser } from "@/lib/auth/users";
import { createDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { settleAfterResponse } from "@/lib/http/after-response";
import { setMailTransport } from "@/lib/mail/transport";
import { withAppTestDb } from "../helpers/app-db";
import { signInWithPassword } from "../helpers/auth";

const t = withAppTestDb();
const BASE = "http://localhost:3000";
const PASSWORD = "correct horse battery staple";
const start = Date.parse("2030-03-01T10:00:00Z");

beforeAll(() => {
  process.env.BCRYPT_COST = "10";
  resetEnvCache();
});
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: start });
  setMailTransport(async () => undefined);
  await createUser(t.current.db, { username: "judy", email: "judy@example.org", password: PASSWORD });
  await createUser(t.current.db, { username: "ken", password: PASSWORD });
});
afterEach(async () => {
  await settleAfterResponse();
  setMailTransport(undefined);
  vi.useRealTimers();
});

/** What the sign-in form posts to NextAuth; only the blocked path is answered without NextAuth. */
function credentialsPost(username: string, ip: string) {
  return nextAuthPost(
    new NextRequest(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
      body: new URLSearchParams({ username, password: "whatever", csrfToken: "x", json: "true" }),
    }),
    { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
  );
}

const ip = (i: number) => `203.0.113.${i % 250}`;

describe("sign-in limits (AS3)", () => {
  it("locks an account after 10 failures in 15 minutes, from rotating IPs, with 429 and Retry-After", async () => {
    for (let i = 0; i < 10; i++) {
      expect(await loginBlocked(t.current.db, "judy", ip(i))).toBeNull();
      expect(await signInWithPassword("judy", `wrong password ${i}`, { "x-forwarded-for": ip(i) })).toBeNull();
      vi.setSystemTime(Date.now() + 10_000);
    }
    const res = await credentialsPost("JUDY", ip(99));
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(13 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await res.json()).error.code).toBe("rate_limited");
    // Other accounts are unaffected, also from the same address.
    expect(await loginBlocked(t.current.db, "ken", ip(9))).toBeNull();
    // After the window the account may try again, and the right password works.
    vi.setSystemTime(start + 15 * 60_000 + 1000);
    expect(await loginBlocked(t.current.db, "judy", ip(99))).toBeNull();
    expect(await signInWithPassword("judy", PASSWORD)).not.toBeNull();
  });

  it("locks an unknown username exactly like a known one (no enumeration through 429)", async () => {
    for (let i = 0; i < 10; i++) await signInWithPassword("nosuchuser", `wrong ${i}`, { "x-forwarded-for": ip(i) });
    expect((await credentialsPost("nosuchuser", ip(1))).status).toBe(429);
  });

  it("a success clears the account's failures", async () => {
    for (let i = 0; i < 9; i++) await signInWithPassword("judy", `wrong ${i}`);
    expect(await signInWithPassword("judy", PASSWORD)).not.toBeNull();
    for (let i = 0; i < 9; i++) await signInWithPassword("judy", `wrong again ${i}`);
    expect(await loginBlocked(t.current.db, "judy", ip(1))).toBeNull();
  });

  it("limits one IP across accounts at 50 failures", async () => {
    for (let i = 0; i < 50; i++) await signInWithPassword(`victim${i}`, "wrong", { "x-forwarded-for": "198.51.100.7" });
    expect((await credentialsPost("ken", "198.51.100.7")).status).toBe(429);
    expect(await loginBlocked(t.current.db, "ken", "198.51.100.8")).toBeNull();
  });

  it("survives a restart: a new client on the same file sees the lock", async () => {
    for (let i = 0; i < 10; i++) await signInWithPassword("judy", `wrong ${i}`);
    const other = createDb(t.current.url);
    try {
      expect(await loginBlocked(other, "judy", ip(3))).not.toBeNull();
    } finally {
      await other.$disconnect();
    }
  });

  it("unknown and known usernames fail with the same answer (AS4)", async () => {
    // The time each takes (both pay one bcrypt comparison) is a figure of `npm run bench:timing`.
    for (let i = 0; i < 3; i++) {
      expect(await signInWithPassword("ken", "definitely wrong", { "x-forwarded-for": ip(10 + i) })).toBeNull();
      expect(await signInWithPassword(`ghost${i}`, "definitely wrong", { "x-forwarded-for": ip(20 + i) })).toBeNull();
    }
  });
});

describe("reset request limits", () => {
  const reset = (email: string, from = "192.0.2.1") =>
    requestReset(
      new Request(`${BASE}/api/auth/password-reset`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": from },
        body: JSON.stringify({ email }),
      }),
      { params: Promise.resolve({}) },
    );

  it("allows 5 per hour per address, known or not, then 429 until the hour has passed", async () => {
    for (const email of ["judy@example.org", "nobody@example.org"]) {
      for (let i = 0; i < 5; i++) expect((await reset(email, `192.0.2.${i + 10}`)).status).toBe(202);
      const blocked = await reset(email, "192.0.2.99");
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect((await reset("other@example.org")).status).toBe(202);
    vi.setSystemTime(start + 60 * 60_000 + 1000);
    expect((await reset("judy@example.org")).status).toBe(202);
  });
});
