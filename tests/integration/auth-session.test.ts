import { encode } from "next-auth/jwt";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { requireAdmin, requireUser } from "@/lib/auth/require-user";
import { sessionCookieName } from "@/lib/auth/session-config";
import { disableUser, revokeSessions, setRole } from "@/lib/auth/users";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/json";
import { withAdmin, withUser } from "@/lib/http/with-user";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest, sessionCookieFor } from "../helpers/auth";
import { seedUser } from "../helpers/test-db";

const t = withAppTestDb();
const URL_ME = "http://localhost:3000/api/x";
const ctx = { params: Promise.resolve({}) };
const me = withUser(async ({ user }) => json(user));
const adminOnly = withAdmin(async ({ user }) => json({ admin: user.username }));

beforeAll(() => resetEnvCache());
afterEach(() => vi.useRealTimers());

async function statusWith(cookie: string, handler = me): Promise<number> {
  return (await handler(new Request(URL_ME, { headers: { cookie } }), ctx)).status;
}

describe("requireUser", () => {
  it("returns the user from a valid session cookie, with the role from the database", async () => {
    const u = await seedUser(t.current.db, { username: "alice" });
    const cookie = await sessionCookieFor({ id: u.id, role: "admin" });
    const user = await requireUser(new Request(URL_ME, { headers: { cookie } }));
    expect(user).toEqual({ id: u.id, username: "alice", role: "user" });
  });

  it("throws unauthorized without a cookie, with garbage, a tampered token or another secret (AS8)", async () => {
    const u = await seedUser(t.current.db);
    const good = await sessionCookieFor({ id: u.id });
    const tampered = good.slice(0, -6) + (good.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    const otherSecret = await sessionCookieFor({ id: u.id }, { secret: "another-secret-another-secret-another-1" });
    for (const cookie of ["", `${sessionCookieName()}=nonsense`, tampered, otherSecret]) {
      await expect(requireUser(new Request(URL_ME, { headers: { cookie } }))).rejects.toMatchObject({ code: "unauthorized" });
    }
    expect(await statusWith(good)).toBe(200);
  });

  it("refuses a token whose user is gone", async () => {
    const cookie = await sessionCookieFor({ id: crypto.randomUUID() });
    expect(await statusWith(cookie)).toBe(401);
  });

  it("refuses an old session version after revocation and after disable (AS6)", async () => {
    const u = await seedUser(t.current.db);
    const cookie = await sessionCookieFor({ id: u.id, sessionVersion: 0 });
    expect(await statusWith(cookie)).toBe(200);
    await revokeSessions(t.current.db, u.id);
    expect(await statusWith(cookie)).toBe(401);
    expect(await statusWith(await sessionCookieFor({ id: u.id, sessionVersion: 1 }))).toBe(200);
    await disableUser(t.current.db, u.id);
    expect(await statusWith(await sessionCookieFor({ id: u.id, sessionVersion: 2 }))).toBe(401);
  });

  it("reads a token NextAuth split into chunks", async () => {
    const u = await seedUser(t.current.db);
    const value = (await sessionCookieFor({ id: u.id })).split("=")[1];
    const name = sessionCookieName();
    const cookie = `${name}.0=${value.slice(0, 100)}; other=1; ${name}.1=${value.slice(100)}`;
    expect(await statusWith(cookie)).toBe(200);
  });
});

describe("session lifetime (AS7)", () => {
  it("ends at the absolute limit even while requests keep sliding the cookie", async () => {
    const u = await seedUser(t.current.db);
    const start = new Date("2030-01-01T08:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    let cookie = await sessionCookieFor({ id: u.id });
    let lastOk = start.getTime();
    // Poll every 5 minutes, taking each refreshed cookie, as the dashboard's SWR would.
    for (let minutes = 5; minutes <= 13 * 60; minutes += 5) {
      vi.setSystemTime(start.getTime() + minutes * 60_000);
      const res = await me(new Request(URL_ME, { headers: { cookie } }), ctx);
      if (res.status !== 200) break;
      lastOk = Date.now();
      const set = res.headers.get("set-cookie");
      if (set) cookie = set.split(";")[0];
    }
    const hours = (lastOk - start.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThanOrEqual(11.9);
    expect(hours).toBeLessThan(12);
  });

  it("ends at the idle limit once requests stop", async () => {
    const u = await seedUser(t.current.db);
    const start = Date.parse("2030-01-01T08:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const cookie = await sessionCookieFor({ id: u.id });
    vi.setSystemTime(start + 29 * 60_000);
    expect(await statusWith(cookie)).toBe(200);
    vi.setSystemTime(start + 31 * 60_000);
    expect(await statusWith(cookie)).toBe(401);
  });

  it("refuses a token claiming a sign-in beyond the absolute limit", async () => {
    const u = await seedUser(t.current.db);
    const authTime = Math.floor(Date.now() / 1000) - 12 * 3600 - 1;
    expect(await statusWith(await sessionCookieFor({ id: u.id }, { authTime }))).toBe(401);
  });

  it("refuses a token whose claims lack the session version", async () => {
    const u = await seedUser(t.current.db);
    const token = await encode({ token: { sub: u.id, authTime: Math.floor(Date.now() / 1000) }, secret: process.env.NEXTAUTH_SECRET! });
    expect(await statusWith(`${sessionCookieName()}=${token}`)).toBe(401);
  });
});

describe("withAdmin / requireAdmin (AZ3)", () => {
  it("401 anonymous, 403 user, 200 admin, and a demotion applies on the next request", async () => {
    const u = await seedUser(t.current.db, { role: "user" });
    const a = await seedUser(t.current.db, { role: "admin" });
    expect((await adminOnly(new Request(URL_ME), ctx)).status).toBe(401);
    const userRes = await adminOnly(await authedRequest(URL_ME, { id: u.id }), ctx);
    expect(userRes.status).toBe(403);
    expect(userRes.headers.get("cache-control")).toContain("no-store");
    // A token claiming admin does not make a user one.
    expect((await adminOnly(await authedRequest(URL_ME, { id: u.id, role: "admin" }), ctx)).status).toBe(403);
    const adminCookie = await sessionCookieFor({ id: a.id, role: "admin" });
    expect(await statusWith(adminCookie, adminOnly)).toBe(200);
    await setRole(t.current.db, a.id, "user");
    expect(await statusWith(adminCookie, adminOnly)).toBe(403);
    await setRole(t.current.db, u.id, "admin");
    await expect(requireAdmin(await authedRequest(URL_ME, { id: u.id }))).resolves.toMatchObject({ role: "admin" });
  });
});

describe("withUser", () => {
  it("maps handler errors through toErrorResponse", async () => {
    const u = await seedUser(t.current.db);
    const failing = withUser(async () => {
      throw new AppError("not_found");
    });
    const res = await failing(await authedRequest(URL_ME, { id: u.id }), ctx);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "Not found." } });
  });

  it("passes the route params through", async () => {
    const u = await seedUser(t.current.db);
    const echo = withUser<{ id: string }>(async ({ params }) => json(params));
    const res = await echo(await authedRequest(URL_ME, { id: u.id }), { params: Promise.resolve({ id: "j1" }) });
    expect(await res.json()).toEqual({ id: "j1" });
  });
});

describe("NextAuth's own session refresh (/api/auth/session)", () => {
  it("re-reads the role and refuses revoked or over-age tokens, so NextAuth clears the cookie", async () => {
    const { authOptions } = await import("@/lib/auth/auth-options");
    const jwt = authOptions().callbacks!.jwt!;
    const u = await seedUser(t.current.db, { role: "user" });
    const now = Math.floor(Date.now() / 1000);
    const refresh = (token: Record<string, unknown>) => jwt({ token, account: null, user: undefined as never });
    await expect(refresh({ sub: u.id, sv: 0, authTime: now, role: "admin" })).resolves.toMatchObject({ role: "user" });
    await expect(refresh({ sub: u.id, sv: 0, authTime: now - 13 * 3600 })).rejects.toThrow(/session ended/);
    await revokeSessions(t.current.db, u.id);
    await expect(refresh({ sub: u.id, sv: 0, authTime: now })).rejects.toThrow(/session ended/);
  });
});
