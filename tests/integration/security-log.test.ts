import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as resetRoute } from "@/app/api/auth/password-reset/route";
import { POST as registerRoute } from "@/app/api/auth/register/route";
import { GET as cronRoute } from "@/app/api/cron/maintenance/route";
import { GET as jobRoute } from "@/app/api/jobs/[id]/route";
import { POST as cancelRoute } from "@/app/api/jobs/[id]/cancel/route";
import { GET as listJobs } from "@/app/api/jobs/route";
import { DELETE as revokeRoute } from "@/app/api/tokens/[id]/route";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/tokens";
import { reserveLoginAttempt } from "@/lib/auth/login-limits";
import { createUser } from "@/lib/auth/users";
import { settleAfterResponse } from "@/lib/http/after-response";
import { withUser } from "@/lib/http/with-user";
import { insertJob } from "@/lib/jobs/job-repository";
import { runWithRequestId } from "@/lib/log/request-context";
import { setMailTransport } from "@/lib/mail/transport";
import { limitKeys, POLICIES } from "@/lib/rate-limit/policies";
import { consume } from "@/lib/rate-limit/store";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest, sessionCookieFor } from "../helpers/auth";
import { captureLogs, type CapturedLogs } from "../helpers/log-capture";
import { defaultParams, seedUser } from "../helpers/test-db";

// The logging requirement: each security event is one JSON record with its stable `event`, the
// request id it happened under (taken from X-Request-Id and echoed back), and no secret.
const t = withAppTestDb();
const BASE = "http://localhost:3000";
const PASSWORD = "correct horse battery staple";
const WRONG_CRON = "not-the-cron-secret-but-close";
let logs: CapturedLogs;
let mail: string[];

beforeEach(() => {
  logs = captureLogs("info");
  mail = [];
  setMailTransport(async (m) => void mail.push(m.text));
});
afterEach(() => {
  logs.restore();
  setMailTransport(undefined);
});

const ctx = <P extends object = Record<string, never>>(params: P = {} as P) => ({ params: Promise.resolve(params) });
const withId = (id: string, init: Record<string, string> = {}) => ({ "x-request-id": id, ...init });

function eventRecord(event: string, requestId: string) {
  const found = logs.records().filter((r) => r.event === event && r.requestId === requestId);
  expect(found, `${event} under ${requestId} in:\n${logs.text()}`).toHaveLength(1);
  expect(found[0].level).toBe("warn");
  return found[0];
}

async function jobOf(userId: string) {
  const job = await insertJob(t.current.db, { userId, jobName: "j", params: defaultParams });
  return job.id;
}

describe("security events in the log", () => {
  it("sign-in lockout and the 429 that follows, keyed by a fingerprint of the name", async () => {
    // The failures as the credentials provider counts them (each reserved before its password is
    // checked; bcrypt itself is covered by the auth tests), each under its own request.
    for (let i = 0; i < POLICIES.loginPerAccount.limit; i++) {
      await runWithRequestId(`req-guess-${i}xx`, () => reserveLoginAttempt(t.current.db, "Victim", "203.0.113.9"));
    }
    const locked = eventRecord("auth.login_locked", `req-guess-${POLICIES.loginPerAccount.limit - 1}xx`);
    expect(locked.account).toMatch(/^[0-9a-f]{16}$/);

    const form = new URLSearchParams({ username: "victim", password: PASSWORD, csrfToken: "x" });
    const req = new Request(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      headers: withId("req-login-limited", { "content-type": "application/x-www-form-urlencoded", origin: BASE }),
      body: form,
    });
    const res = await nextAuthPost(req as never, ctx({ nextauth: ["callback", "credentials"] }));
    expect(res.status).toBe(429);
    expect(res.headers.get("x-request-id")).toBe("req-login-limited");
    expect(eventRecord("auth.login_rate_limited", "req-login-limited")).toMatchObject({ account: locked.account });
    expect(logs.text()).not.toMatch(/victim|correct horse/i);
  });

  it("a refused cross-site request", async () => {
    const user = await seedUser(t.current.db);
    const id = await jobOf(user.id);
    const req = await authedRequest(`${BASE}/api/jobs/${id}/cancel`, user, { method: "POST", headers: withId("req-csrf-0001", { origin: "https://evil.example" }) });
    const res = await cancelRoute(req, ctx({ id }));
    expect(res.status).toBe(403);
    expect(res.headers.get("x-request-id")).toBe("req-csrf-0001");
    expect(eventRecord("csrf.cross_site_refused", "req-csrf-0001")).toMatchObject({ method: "POST", path: `/api/jobs/${id}/cancel`, origin: "https://evil.example" });
    expect(logs.text()).not.toContain((await sessionCookieFor(user)).split("=")[1]);
  });

  it("another user's job or token: the same 404 as a missing one, and a record only for the probe", async () => {
    const owner = await seedUser(t.current.db);
    const prober = await seedUser(t.current.db);
    const id = await jobOf(owner.id);
    const res = await jobRoute(await authedRequest(`${BASE}/api/jobs/${id}`, prober, { headers: withId("req-probe-job") }), ctx({ id }));
    const missing = await jobRoute(await authedRequest(`${BASE}/api/jobs/x`, prober, { headers: withId("req-missing-job") }), ctx({ id: crypto.randomUUID() }));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(await missing.json());
    expect(eventRecord("access.cross_user_refused", "req-probe-job")).toMatchObject({ resource: "job", id, userId: prober.id, ownerId: owner.id });
    expect(logs.records().filter((r) => r.requestId === "req-missing-job" && r.event)).toEqual([]);

    const { token } = await createApiToken(t.current.db, owner.id, { name: "owner's" });
    const revoke = await revokeRoute(await authedRequest(`${BASE}/api/tokens/${token.id}`, prober, { method: "DELETE", headers: withId("req-probe-token") }), ctx({ id: token.id }));
    expect(revoke.status).toBe(404);
    expect(eventRecord("access.cross_user_refused", "req-probe-token")).toMatchObject({ resource: "api_token", id: token.id });
  });

  it("bad and revoked API tokens, never with the token itself", async () => {
    const user = await seedUser(t.current.db);
    const { token, secret } = await createApiToken(t.current.db, user.id, { name: "ci" });
    await revokeApiToken(t.current.db, user.id, token.id);
    const call = (secret: string, id: string) => listJobs(new Request(`${BASE}/api/jobs`, { headers: withId(id, { authorization: `Bearer ${secret}` }) }), ctx());
    expect((await call(secret, "req-revoked-token")).status).toBe(401);
    expect((await call("amr_not-a-real-token", "req-bad-token")).status).toBe(401);
    expect(eventRecord("auth.token_rejected", "req-revoked-token")).toMatchObject({ reason: "revoked", tokenId: token.id });
    expect(eventRecord("auth.token_rejected", "req-bad-token").reason).toMatch(/malformed|unknown/);
    expect(logs.text()).not.toContain(secret);
    expect(logs.text()).not.toContain("amr_not-a-real-token");
  });

  it("a bad cron secret", async () => {
    const res = await cronRoute(new Request(`${BASE}/api/cron/maintenance`, { headers: withId("req-cron-bad", { authorization: `Bearer ${WRONG_CRON}` }) }));
    expect(res.status).toBe(401);
    expect(eventRecord("cron.bad_secret", "req-cron-bad")).toMatchObject({ hasAuthorization: true, configured: true });
    expect(logs.text()).not.toContain(WRONG_CRON);
    expect(logs.text()).not.toContain(process.env.CRON_SECRET!);
  });

  it("a registration over its address's limit, and not a registration that failed otherwise", async () => {
    const ip = "198.51.100.23";
    const register = (id: string) =>
      registerRoute(
        new Request(`${BASE}/api/auth/register`, {
          method: "POST",
          headers: withId(id, { "content-type": "application/json", origin: BASE, "x-forwarded-for": ip }),
          body: JSON.stringify({ username: "newcomer", password: PASSWORD }),
        }),
        ctx(),
      );
    const db = t.current.db;
    for (let i = 0; i < POLICIES.registerPerIp.limit; i++) await consume(db, limitKeys.registerIp(ip), POLICIES.registerPerIp);
    expect((await register("req-register-limited")).status).toBe(429);
    expect(eventRecord("auth.register_rate_limited", "req-register-limited")).toMatchObject({ ip });

    // The rate-limit table gone: the check fails with a 500, which is no rate limit.
    await db.$executeRawUnsafe("DROP TABLE rate_limit_events");
    expect((await register("req-register-broken")).status).toBeGreaterThanOrEqual(500);
    expect(logs.records().filter((r) => r.requestId === "req-register-broken" && r.event)).toEqual([]);
  });

  it("a password reset for an unknown address: logged by fingerprint, answered like a known one", async () => {
    await createUser(t.current.db, { username: "known", email: "known@example.org", password: PASSWORD });
    const reset = (email: string, id: string) =>
      resetRoute(new Request(`${BASE}/api/auth/password-reset`, { method: "POST", headers: withId(id, { "content-type": "application/json", origin: BASE }), body: JSON.stringify({ email }) }), ctx());
    const unknown = await reset("nobody@example.org", "req-reset-unknown");
    const real = await reset("known@example.org", "req-reset-known");
    await settleAfterResponse();
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual(await real.json());
    expect(eventRecord("auth.reset_unknown_account", "req-reset-unknown").address).toMatch(/^[0-9a-f]{16}$/);
    expect(logs.records().filter((r) => r.requestId === "req-reset-known" && r.event)).toEqual([]);
    expect(mail).toHaveLength(1); // the known account's link went by mail, not into the log
    const link = mail[0].match(/token=([\w-]+)/)![1];
    for (const secret of ["nobody@example.org", "known@example.org", link, PASSWORD]) expect(logs.text()).not.toContain(secret);
  });
});

describe("request ids", () => {
  it("keeps a sane X-Request-Id, replaces anything else with a UUID, and echoes it", async () => {
    const user = await seedUser(t.current.db);
    const send = async (id: string | null) => {
      const headers: Record<string, string> = id === null ? {} : { "x-request-id": id };
      const res = await listJobs(await authedRequest(`${BASE}/api/jobs`, user, { headers }), ctx());
      expect(res.status).toBe(200);
      return res.headers.get("x-request-id")!;
    };
    expect(await send("proxy-7f3a9c21")).toBe("proxy-7f3a9c21");
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const bad of [null, "short", "has space in it", "x".repeat(200), 'quote"and}brace{', "semi;colon;inside"]) expect(await send(bad)).toMatch(uuid);
  });

  it("an unexpected failure is logged with the request id and its stack, and answered with a bare 500", async () => {
    const user = await seedUser(t.current.db);
    const failing = withUser(async () => {
      throw new Error("disk /srv/amr/secret-path exploded");
    });
    const res = await failing(await authedRequest(`${BASE}/api/anything`, user, { headers: withId("req-broken-1") }), ctx());
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("req-broken-1");
    expect(await res.text()).not.toContain("secret-path");
    const [record] = logs.records().filter((r) => r.level === "error");
    expect(record).toMatchObject({ requestId: "req-broken-1", msg: "unhandled error", err: { message: "disk /srv/amr/secret-path exploded" } });
    expect(String((record.err as { stack: string }).stack)).toContain("security-log.test.ts");
  });
});
