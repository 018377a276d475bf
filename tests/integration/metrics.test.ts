import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as adminMetrics } from "@/app/api/admin/metrics/route";
import { GET as prometheus } from "@/app/api/metrics/route";
import { createDb } from "@/lib/db";
import { getEnv, resetEnvCache } from "@/lib/env";
import { setRole } from "@/lib/auth/users";
import { insertJob } from "@/lib/jobs/job-repository";
import { metrics } from "@/lib/metrics/registry";
import { summaryRows } from "@/lib/metrics/summaries";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest } from "../helpers/auth";
import { captureLogs } from "../helpers/log-capture";
import { defaultParams, seedUser } from "../helpers/test-db";

const t = withAppTestDb();
const noParams = { params: Promise.resolve({}) };
const TOKEN = "metrics-token-0123456789";
beforeEach(() => {
  process.env.METRICS_TOKEN = TOKEN;
  resetEnvCache();
});
afterEach(() => {
  delete process.env.METRICS_TOKEN;
  resetEnvCache();
});

describe("database timing", () => {
  it("records every operation and logs slow ones by shape, never by value", async () => {
    const log = captureLogs();
    const db = createDb(t.current.url, { slowQueryMs: 0 });
    try {
      const user = await seedUser(db);
      await db.amrJob.findMany({ where: { userId: user.id, jobName: "secret-value-xyz" } });
      await db.$queryRawUnsafe("SELECT 1");
      const rows = await summaryRows(metrics().dbOperation);
      const find = rows.find((r) => r.labels.model === "AmrJob" && r.labels.action === "findMany");
      expect(find?.count).toBeGreaterThanOrEqual(1);
      expect(rows.some((r) => r.labels.model === "raw")).toBe(true);
      const slow = log.records().filter((r) => r.level === "warn").map((r) => r.msg);
      expect(slow.join("\n")).toMatch(/\[db\] slow AmrJob\.findMany: [\d.]+ ms/);
      expect(log.text()).not.toContain("secret-value-xyz");
    } finally {
      log.restore();
      await db.$disconnect();
    }
  });
});

describe("GET /api/admin/metrics", () => {
  it("answers 401 anonymous, 403 to a user, 200 no-store to an admin", async () => {
    const user = await seedUser(t.current.db);
    const admin = await seedUser(t.current.db, { role: "admin" });
    await insertJob(t.current.db, { userId: user.id, jobName: "queued", params: defaultParams, createdAt: new Date(Date.now() - 60_000) });

    expect((await adminMetrics(new Request("http://localhost/api/admin/metrics"), noParams)).status).toBe(401);
    expect((await adminMetrics(await authedRequest("http://localhost/api/admin/metrics", user), noParams)).status).toBe(403);
    const res = await adminMetrics(await authedRequest("http://localhost/api/admin/metrics", admin, {}), noParams);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body.jobs).toMatchObject({ queueDepth: 1, byStatus: { Submitted: 1, Completed: 0 } });
    expect(body.jobs.oldestQueuedSeconds).toBeGreaterThanOrEqual(59);
    expect(Array.isArray(body.database)).toBe(true);
    expect(body.maintenance).toEqual([]); // no run yet; the admin page shows the last five
  });

  it("re-reads the role: a demoted admin is refused on the next request", async () => {
    const admin = await seedUser(t.current.db, { role: "admin" });
    const req = () => authedRequest("http://localhost/api/admin/metrics", { id: admin.id, role: "admin" });
    expect((await adminMetrics(await req(), noParams)).status).toBe(200);
    await setRole(t.current.db, admin.id, "user");
    expect((await adminMetrics(await req(), noParams)).status).toBe(403);
  });

  it("sees a demotion made by another process once the auth cache expires", async () => {
    const admin = await seedUser(t.current.db, { role: "admin" });
    const req = () => authedRequest("http://localhost/api/admin/metrics", { id: admin.id, role: "admin" });
    expect((await adminMetrics(await req(), noParams)).status).toBe(200);
    // A write this process does not see (another server or worker process, a manual UPDATE).
    const other = createDb(t.current.url);
    await other.user.update({ where: { id: admin.id }, data: { role: "user" } });
    await other.$disconnect();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + getEnv().AUTH_STATE_CACHE_MS + 1 });
    try {
      expect((await adminMetrics(await req(), noParams)).status).toBe(403);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("GET /api/metrics (Prometheus)", () => {
  it("needs the metrics token", async () => {
    const bad = await prometheus(new Request("http://localhost/api/metrics", { headers: { authorization: "Bearer nope" } }));
    expect(bad.status).toBe(401);
    const none = await prometheus(new Request("http://localhost/api/metrics"));
    expect(none.status).toBe(401);
    const ok = await prometheus(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }));
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text).toMatch(/amr_jobs\{status="Submitted"\} 0/);
    expect(text).toContain("# TYPE amr_db_operation_seconds summary");
  });

  it("refuses everything when no token is configured", async () => {
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
    const res = await prometheus(new Request("http://localhost/api/metrics", { headers: { authorization: "Bearer undefined" } }));
    expect(res.status).toBe(401);
  });
});

describe("route timing", () => {
  it("records wrapped routes by pattern, method and status", async () => {
    const user = await seedUser(t.current.db);
    const admin = await seedUser(t.current.db, { role: "admin" });
    await adminMetrics(await authedRequest("http://localhost/api/admin/metrics", user), noParams); // 403
    const res = await adminMetrics(await authedRequest("http://localhost/api/admin/metrics", admin), noParams);
    const body = await (await adminMetrics(await authedRequest("http://localhost/api/admin/metrics", admin), noParams)).json();
    expect(res.status).toBe(200);
    const routes = body.routes as { route: string; method: string; status: number; count: number }[];
    expect(routes.find((r) => r.route === "/api/admin/metrics" && r.status === 403)?.count).toBeGreaterThanOrEqual(1);
    expect(routes.find((r) => r.route === "/api/admin/metrics" && r.status === 200)?.count).toBeGreaterThanOrEqual(1);
  });
});
