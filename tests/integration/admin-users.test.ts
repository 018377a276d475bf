import { describe, expect, it } from "vitest";
import { GET as adminMetrics } from "@/app/api/admin/metrics/route";
import { GET as listUsersRoute } from "@/app/api/admin/users/route";
import { PATCH as updateUserRoute } from "@/app/api/admin/users/[id]/route";
import { GET as listJobs } from "@/app/api/jobs/route";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest } from "../helpers/auth";
import { seedUser } from "../helpers/test-db";

const t = withAppTestDb();
const BASE = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const patch = async (actor: { id: string }, id: string, body: unknown) =>
  updateUserRoute(
    await authedRequest(`${BASE}/api/admin/users/${id}`, actor, { method: "PATCH", body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    ctx(id),
  );

describe("admin user management", () => {
  it("lists accounts to admins only, as DTOs, with a username prefix search", async () => {
    const admin = await seedUser(t.current.db, { role: "admin", username: "root" });
    const user = await seedUser(t.current.db, { username: "ada" });
    expect((await listUsersRoute(await authedRequest(`${BASE}/api/admin/users`, user), noParams)).status).toBe(403);
    expect((await listUsersRoute(new Request(`${BASE}/api/admin/users`), noParams)).status).toBe(401);
    const res = await listUsersRoute(await authedRequest(`${BASE}/api/admin/users`, admin), noParams);
    const body = await res.json();
    expect(body.items.map((u: { username: string }) => u.username).sort()).toEqual(["ada", "root"]);
    expect(JSON.stringify(body)).not.toMatch(/password|hash|sessionVersion/i);
    await t.current.db.user.update({ where: { id: user.id }, data: { usernameKey: "ada" } });
    const found = await (await listUsersRoute(await authedRequest(`${BASE}/api/admin/users?q=AD`, admin), noParams)).json();
    expect(found.items.map((u: { username: string }) => u.username)).toEqual(["ada"]);
  });

  it("pages through accounts with the same keyset cursors as the job list", async () => {
    const admin = await seedUser(t.current.db, { role: "admin" });
    for (let i = 0; i < 4; i++) await seedUser(t.current.db);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${BASE}/api/admin/users?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await (await listUsersRoute(await authedRequest(url, admin), noParams)).json()) as { items: { id: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await listUsersRoute(await authedRequest(`${BASE}/api/admin/users?cursor=forged`, admin), noParams)).status).toBe(400);
  });

  it("promotes, disables and re-enables, each effective on the target's next request", async () => {
    const admin = await seedUser(t.current.db, { role: "admin" });
    const user = await seedUser(t.current.db);
    const asUser = async () => adminMetrics(await authedRequest(`${BASE}/api/admin/metrics`, user), noParams);
    expect((await asUser()).status).toBe(403);

    const promoted = await patch(admin, user.id, { role: "admin" });
    expect(await promoted.json()).toMatchObject({ id: user.id, role: "admin", disabled: false });
    expect((await asUser()).status).toBe(200);

    expect((await patch(admin, user.id, { disabled: true })).status).toBe(200);
    // Disabling bumped the session version: the old cookie is dead.
    const dead = await listJobs(await authedRequest(`${BASE}/api/jobs`, user), noParams);
    expect(dead.status).toBe(401);
    const row = await t.current.db.user.findUnique({ where: { id: user.id } });
    expect(row?.disabledAt).not.toBeNull();

    expect(await (await patch(admin, user.id, { disabled: false, role: "user" })).json()).toMatchObject({ role: "user", disabled: false });
    const fresh = await listJobs(await authedRequest(`${BASE}/api/jobs`, { id: user.id, sessionVersion: row!.sessionVersion }), noParams);
    expect(fresh.status).toBe(200);
  });

  it("refuses self-demotion, unknown users, non-admins, empty changes and API-less shapes", async () => {
    const admin = await seedUser(t.current.db, { role: "admin" });
    const user = await seedUser(t.current.db);
    const self = await patch(admin, admin.id, { role: "user" });
    expect(self.status).toBe(409);
    expect((await self.json()).error.message).toMatch(/own/);
    expect((await patch(admin, "no-such-user", { role: "admin" })).status).toBe(404);
    expect((await patch(user, admin.id, { disabled: true })).status).toBe(403);
    expect((await patch(admin, user.id, {})).status).toBe(400);
    expect((await patch(admin, user.id, { role: "root" })).status).toBe(400);
    expect((await t.current.db.user.findUnique({ where: { id: admin.id } }))?.role).toBe("admin");
  });
});
