import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as adminRuns } from "@/app/api/admin/maintenance/route";
import { GET as cronRoute } from "@/app/api/cron/maintenance/route";
import { createDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { acquireLock, MAINTENANCE_LOCK } from "@/lib/maintenance/run-lock";
import { listMaintenanceRuns } from "@/lib/maintenance/runs";
import { RUN_STATUS_VIEW } from "@/components/admin/maintenance-run-status";
import { overrideStorage } from "@/lib/storage";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest } from "../helpers/auth";
import { tempStorage } from "../helpers/jobs";
import { seedUser } from "../helpers/test-db";
import { NOW, daysAgo, runAt, seedJob } from "./maintenance-fixtures";

const t = withAppTestDb();
let s: ReturnType<typeof tempStorage>;
const SECRET = process.env.CRON_SECRET!;
beforeEach(() => {
  s = tempStorage();
  overrideStorage(s.storage);
});
afterEach(() => {
  overrideStorage(undefined);
  s.cleanup();
  process.env.CRON_SECRET = SECRET;
  resetEnvCache();
});

const URL_ = "http://localhost:3000/api/cron/maintenance";
const call = (headers: Record<string, string> = {}, url = URL_) => cronRoute(new Request(url, { headers, redirect: "manual" }));

describe("GET /api/cron/maintenance authorisation (CR1)", () => {
  it.each([
    ["no header", {}],
    ["a wrong secret", { authorization: "Bearer not-the-secret-at-all" }],
    ["the secret without Bearer", { authorization: SECRET }],
    ["a session cookie instead", { cookie: "next-auth.session-token=x" }],
  ])("401 with %s, never a redirect, and nothing runs", async (_label, headers) => {
    const res = await call(headers);
    expect(res.status).toBe(401);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect(await t.current.db.maintenanceRun.count()).toBe(0);
  });

  it("401 for the secret in the query string", async () => {
    expect((await call({}, `${URL_}?secret=${SECRET}&authorization=Bearer%20${SECRET}`)).status).toBe(401);
  });

  it("fails closed when CRON_SECRET is unset: `Bearer undefined` and `Bearer ` are refused", async () => {
    delete process.env.CRON_SECRET;
    resetEnvCache();
    for (const authorization of ["Bearer undefined", "Bearer ", "Bearer null"]) expect((await call({ authorization })).status).toBe(401);
    expect(await t.current.db.maintenanceRun.count()).toBe(0);
  });

  it("200 with the counts for the right secret, and the run is recorded", async () => {
    const user = await seedUser(t.current.db);
    await seedJob(t.current.db, s.storage, user.id, { status: "Cancelled", completedAt: new Date(Date.now() - 8 * 86_400_000) });
    const res = await call({ authorization: `Bearer ${SECRET}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toEqual({ archived: 0, purged: 1, failedStale: 0, orphansRemoved: 0, missingFiles: 0, durationMs: expect.any(Number), skipped: false });
    expect(await t.current.db.maintenanceRun.findFirstOrThrow()).toMatchObject({ trigger: "cron", status: "ok", purged: 1 });
    // What the admin page is given for that run, and how it shows it.
    const [run] = await listMaintenanceRuns(t.current.db, 5);
    expect(run.status).toBe("ok");
    expect(RUN_STATUS_VIEW[run.status]).toEqual({ label: "succeeded", className: "text-emerald-700" });
  });
});

describe("overlap and duplicates (CR5)", () => {
  it("two concurrent runs on separate connections: one works, the other answers skipped; a duplicate afterwards is a no-op", async () => {
    const db = t.current.db;
    const user = await seedUser(db);
    for (let i = 0; i < 40; i++) await seedJob(db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(8) });
    const other = createDb(t.current.url);
    try {
      const [a, b] = await Promise.all([runAt(db, s.storage, { batchSize: 10 }), runAt(other, s.storage, { batchSize: 10 })]);
      expect([a.skipped, b.skipped].sort()).toEqual([false, true]);
      const winner = a.skipped ? b : a;
      const loser = a.skipped ? a : b;
      expect(winner.archived).toBe(40);
      expect(loser).toMatchObject({ archived: 0, purged: 0, failedStale: 0, orphansRemoved: 0 });
      const dup = await runAt(other, s.storage);
      expect(dup).toMatchObject({ skipped: false, archived: 0, purged: 0 });
    } finally {
      await other.$disconnect();
    }
    const runs = await db.maintenanceRun.findMany({ orderBy: { status: "asc" } });
    expect(runs.map((r) => r.status).sort()).toEqual(["ok", "ok", "skipped"]);
  });

  it("a crashed run's lease blocks others until it expires, then is taken over", async () => {
    const db = t.current.db;
    expect(await acquireLock(db, MAINTENANCE_LOCK, "dead-process", new Date(NOW.getTime() - 10 * 60_000), 15 * 60_000)).toBe(true);
    expect(await runAt(db, s.storage)).toMatchObject({ skipped: true });
    expect(await runAt(db, s.storage, { clock: () => new Date(NOW.getTime() + 5 * 60_000) })).toMatchObject({ skipped: false });
  });
});

describe("GET /api/admin/maintenance", () => {
  it("lists runs for admins only: anonymous 401, user 403, admin 200", async () => {
    const db = t.current.db;
    await runAt(db, s.storage);
    const url = "http://localhost:3000/api/admin/maintenance?limit=5";
    const noParams = { params: Promise.resolve({}) };
    expect((await adminRuns(new Request(url), noParams)).status).toBe(401);
    const user = await seedUser(db);
    expect((await adminRuns(await authedRequest(url, user), noParams)).status).toBe(403);
    const admin = await seedUser(db, { role: "admin" });
    const res = await adminRuns(await authedRequest(url, admin), noParams);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await res.json()).items).toEqual([expect.objectContaining({ trigger: "test", status: "ok", archived: 0, error: null })]);
  });
});
