import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as listJobs, POST as uploadJob } from "@/app/api/jobs/route";
import { GET as getJobRoute } from "@/app/api/jobs/[id]/route";
import { GET as modelsRoute } from "@/app/api/models/route";
import { GET as adminMetrics } from "@/app/api/admin/metrics/route";
import { POST as changePassword } from "@/app/api/auth/change-password/route";
import { POST as signOutEverywhere } from "@/app/api/auth/sign-out-everywhere/route";
import { GET as listTokens, POST as createTokenRoute } from "@/app/api/tokens/route";
import { DELETE as revokeTokenRoute } from "@/app/api/tokens/[id]/route";
import { clearTokenLookupCache } from "@/lib/api-tokens/lookup-cache";
import { resetTokenWindows, TOKEN_POLICY } from "@/lib/api-tokens/rate-limit";
import { hashTokenSecret } from "@/lib/api-tokens/secret";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { clearAuthStateCache } from "@/lib/auth/auth-state-cache";
import { overrideStorage } from "@/lib/storage";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest } from "../helpers/auth";
import { randomGenome, tempStorage } from "../helpers/jobs";
import { seedUser } from "../helpers/test-db";

const t = withAppTestDb();
let s: ReturnType<typeof tempStorage>;
beforeEach(() => {
  s = tempStorage();
  overrideStorage(s.storage);
  clearTokenLookupCache();
  clearAuthStateCache();
  resetTokenWindows();
});
afterEach(() => {
  overrideStorage(undefined);
  s.cleanup();
});

const BASE = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const bearer = (url: string, secret: string, init: RequestInit = {}) =>
  new Request(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${secret}` } });

async function newToken(user: { id: string; role?: string }, body: unknown = { name: "pipeline" }) {
  const res = await createTokenRoute(
    await authedRequest(`${BASE}/api/tokens`, user, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    noParams,
  );
  return { res, body: (await res.json()) as { secret: string; token: { id: string; prefix: string; status: string } } };
}

async function uploadWith(secret: string) {
  const form = new FormData();
  form.append("file", new Blob([randomGenome(1500)]), "g.fa");
  return uploadJob(bearer(`${BASE}/api/jobs`, secret, { method: "POST", body: form }), noParams);
}

describe("API tokens", () => {
  it("are created from a session, shown once, stored only as a hash, and listed as DTOs", async () => {
    const user = await seedUser(t.current.db);
    const { res, body } = await newToken(user, { name: "  nightly batch ", expiresInDays: 30 });
    expect(res.status).toBe(201);
    expect(body.secret).toMatch(/^amr_[A-Za-z0-9_-]{43}$/);
    expect(body.token).toMatchObject({ name: "nightly batch", prefix: body.secret.slice(0, 10), status: "active", lastUsedAt: null });

    const row = await t.current.db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(hashTokenSecret(body.secret));
    expect(JSON.stringify(row)).not.toContain(body.secret.slice(10));
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBe(30 * 86_400_000);

    const list = await listTokens(await authedRequest(`${BASE}/api/tokens`, user), noParams);
    const { items } = await list.json();
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items)).not.toMatch(new RegExp(`${row.tokenHash}|tokenHash|${body.secret.slice(10)}`));
  });

  it("authenticate the job routes as their owner (no cookie, no Origin) and record the last use at most once a minute", async () => {
    const user = await seedUser(t.current.db);
    const { body } = await newToken(user);
    const created = await uploadWith(body.secret);
    expect(created.status).toBe(201);
    const job = await created.json();
    expect((await t.current.db.amrJob.findUniqueOrThrow({ where: { id: job.id } })).userId).toBe(user.id);

    const read = await getJobRoute(bearer(`${BASE}/api/jobs/${job.id}`, body.secret), ctx(job.id));
    expect(read.status).toBe(200);
    expect(read.headers.get("set-cookie")).toBeNull();
    const firstUse = (await t.current.db.apiToken.findUniqueOrThrow({ where: { id: body.token.id } })).lastUsedAt;
    expect(firstUse).toBeInstanceOf(Date);
    await listJobs(bearer(`${BASE}/api/jobs`, body.secret), noParams);
    expect((await t.current.db.apiToken.findUniqueOrThrow({ where: { id: body.token.id } })).lastUsedAt).toEqual(firstUse);
  });

  it("never reach another user's jobs", async () => {
    const owner = await seedUser(t.current.db);
    const intruder = await seedUser(t.current.db);
    const { body: ownerToken } = await newToken(owner);
    const { body: intruderToken } = await newToken(intruder);
    const job = await (await uploadWith(ownerToken.secret)).json();
    const res = await getJobRoute(bearer(`${BASE}/api/jobs/${job.id}`, intruderToken.secret), ctx(job.id));
    expect(res.status).toBe(404);
    const list = await listJobs(bearer(`${BASE}/api/jobs`, intruderToken.secret), noParams);
    expect((await list.json()).items).toEqual([]);
  });

  it("refuse a revoked token at once, even right after it was cached", async () => {
    const user = await seedUser(t.current.db);
    const { body } = await newToken(user);
    expect((await listJobs(bearer(`${BASE}/api/jobs`, body.secret), noParams)).status).toBe(200);
    const revoke = await revokeTokenRoute(await authedRequest(`${BASE}/api/tokens/${body.token.id}`, user, { method: "DELETE" }), ctx(body.token.id));
    expect(revoke.status).toBe(204);
    const after = await listJobs(bearer(`${BASE}/api/jobs`, body.secret), noParams);
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toBe("Bearer");
    const listed = await (await listTokens(await authedRequest(`${BASE}/api/tokens`, user), noParams)).json();
    expect(listed.items).toEqual([]);
  });

  it("refuse an expired token, a malformed or unknown Bearer (even with a valid cookie), and a disabled owner's token", async () => {
    const user = await seedUser(t.current.db);
    const expired = await createApiToken(t.current.db, user.id, { name: "old", expiresInDays: 1 }, new Date(Date.now() - 2 * 86_400_000));
    expect((await listJobs(bearer(`${BASE}/api/jobs`, expired.secret), noParams)).status).toBe(401);

    const withCookie = await authedRequest(`${BASE}/api/jobs`, user, { headers: { authorization: "Bearer amr_not-a-real-token" } });
    expect((await listJobs(withCookie, noParams)).status).toBe(401);
    const unknown = `amr_${"A".repeat(43)}`;
    expect((await listJobs(bearer(`${BASE}/api/jobs`, unknown), noParams)).status).toBe(401);

    const live = await createApiToken(t.current.db, user.id, { name: "live" });
    expect((await listJobs(bearer(`${BASE}/api/jobs`, live.secret), noParams)).status).toBe(200);
    await t.current.db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    clearAuthStateCache(); // as users.disable does in-process
    expect((await listJobs(bearer(`${BASE}/api/jobs`, live.secret), noParams)).status).toBe(401);
  });

  it("cannot list, create or revoke tokens (403), and the others' token ids are 404 to a session", async () => {
    const user = await seedUser(t.current.db);
    const other = await seedUser(t.current.db);
    const { body } = await newToken(user);
    const { body: othersToken } = await newToken(other);
    const create = await createTokenRoute(
      bearer(`${BASE}/api/tokens`, body.secret, { method: "POST", body: JSON.stringify({ name: "child" }), headers: { "content-type": "application/json" } }),
      noParams,
    );
    expect(create.status).toBe(403);
    expect((await listTokens(bearer(`${BASE}/api/tokens`, body.secret), noParams)).status).toBe(403);
    const revokeByToken = await revokeTokenRoute(bearer(`${BASE}/api/tokens/${body.token.id}`, body.secret, { method: "DELETE" }), ctx(body.token.id));
    expect(revokeByToken.status).toBe(403);
    expect(await t.current.db.apiToken.count({ where: { userId: user.id } })).toBe(1);

    const crossRevoke = await revokeTokenRoute(await authedRequest(`${BASE}/api/tokens/${othersToken.token.id}`, user, { method: "DELETE" }), ctx(othersToken.token.id));
    expect(crossRevoke.status).toBe(404);
    expect((await t.current.db.apiToken.findUniqueOrThrow({ where: { id: othersToken.token.id } })).revokedAt).toBeNull();
  });

  it("cannot change the password or sign the account out everywhere (403)", async () => {
    const user = await seedUser(t.current.db);
    const { body } = await newToken(user);
    const json = { "content-type": "application/json" };
    const change = await changePassword(
      bearer(`${BASE}/api/auth/change-password`, body.secret, { method: "POST", headers: json, body: JSON.stringify({ currentPassword: "x", newPassword: "y" }) }),
      noParams,
    );
    expect(change.status).toBe(403);
    const everywhere = await signOutEverywhere(bearer(`${BASE}/api/auth/sign-out-everywhere`, body.secret, { method: "POST" }), noParams);
    expect(everywhere.status).toBe(403);
    expect((await t.current.db.user.findUnique({ where: { id: user.id } }))?.sessionVersion).toBe(0);
  });

  it("validate names and expiry", async () => {
    const user = await seedUser(t.current.db);
    for (const bad of [{ name: "  " }, { name: "x".repeat(101) }, { name: "ok", expiresInDays: 0 }, { name: "ok", expiresInDays: 366 }, { name: "ok", expiresInDays: 1.5 }]) {
      const { res } = await newToken(user, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await t.current.db.apiToken.count()).toBe(0);
  });

  it("reach admin routes only when the owner is an admin now", async () => {
    const user = await seedUser(t.current.db);
    const admin = await seedUser(t.current.db, { role: "admin" });
    const { body: userToken } = await newToken(user);
    const { body: adminToken } = await newToken(admin);
    expect((await adminMetrics(bearer(`${BASE}/api/admin/metrics`, userToken.secret), noParams)).status).toBe(403);
    expect((await adminMetrics(bearer(`${BASE}/api/admin/metrics`, adminToken.secret), noParams)).status).toBe(200);
  });

  it("rate-limit each token on its own: 429 with Retry-After past the limit", async () => {
    const user = await seedUser(t.current.db);
    const { body: busy } = await newToken(user, { name: "busy" });
    const { body: calm } = await newToken(user, { name: "calm" });
    for (let i = 0; i < TOKEN_POLICY.limit; i++) {
      const res = await modelsRoute(bearer(`${BASE}/api/models`, busy.secret), noParams);
      if (res.status !== 200) throw new Error(`request ${i} answered ${res.status}`);
    }
    const refused = await modelsRoute(bearer(`${BASE}/api/models`, busy.secret), noParams);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("rate_limited");
    expect((await modelsRoute(bearer(`${BASE}/api/models`, calm.secret), noParams)).status).toBe(200);
  });
});
