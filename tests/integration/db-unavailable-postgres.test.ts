import { afterEach, describe, expect, it } from "vitest";
import { GET as listJobs } from "@/app/api/jobs/route";
import { closeDb, createDb, overrideAppDb, sqlOf, type Db } from "@/lib/db";
import { toErrorPayload } from "@/lib/errors";
import { authedRequest } from "../helpers/auth";
import { withAdmin } from "../helpers/pg-admin";
import { createTestDb, seedUser, type TestDb } from "../helpers/test-db";

// PostgreSQL failures a running server meets: the database unreachable, its connections killed
// by an operator or a failover, a serialization failure. Each is a clean 503 with a message and
// Retry-After, never a stack trace, and the client carries on once the database is back.
const open: (Db | TestDb)[] = [];
afterEach(async () => {
  overrideAppDb(undefined);
  for (const x of open.splice(0)) await ("close" in x && typeof x.close === "function" ? (x as TestDb).close() : closeDb(x as Db));
});

function expect503(err: unknown) {
  const payload = toErrorPayload(err);
  expect(payload.status).toBe(503);
  expect(payload.headers?.["Retry-After"]).toBeDefined();
  expect(payload.body.error.message).toMatch(/busy|try again/i);
  expect(JSON.stringify(payload.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|at .*\.ts/);
}

describe("PostgreSQL unavailable", () => {
  it("an unreachable server is a 503 through Prisma, through the SQL port and from a route", async () => {
    const dead = createDb("postgresql://amr:amr@127.0.0.1:1/nowhere");
    open.push(dead);
    expect503(await dead.user.findFirst().catch((e) => e));
    expect503(await sqlOf(dead).authState("x").catch((e) => e));

    overrideAppDb(dead);
    const res = await listJobs(await authedRequest("http://localhost:3000/api/jobs", { id: "someone" }), { params: Promise.resolve({}) });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBeTruthy();
    expect((await res.json()).error.code).toBe("unavailable");
  });

  it("connections killed under a running client: the failed call is a 503, the next ones work", async () => {
    const t = await createTestDb();
    open.push(t);
    const user = await seedUser(t.db);
    expect(await sqlOf(t.db).authState(user.id)).toMatchObject({ id: user.id });
    const killed = await withAdmin(async (c) => {
      const { rowCount } = await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [
        new URL(t.url).pathname.slice(1),
      ]);
      return rowCount;
    });
    expect(killed).toBeGreaterThan(0);
    // The pool notices a dead connection on use (or drops it idle); either way no crash, and a
    // failure maps to 503.
    for (let i = 0; i < 3; i++) {
      try {
        await sqlOf(t.db).authState(user.id);
        await t.db.user.findUnique({ where: { id: user.id } });
      } catch (err) {
        expect503(err);
      }
    }
    expect(await sqlOf(t.db).authState(user.id)).toMatchObject({ id: user.id });
    expect(await t.db.user.findUnique({ where: { id: user.id } })).toMatchObject({ id: user.id });
  });

  it("a serialization failure is a 503", async () => {
    const t = await createTestDb();
    open.push(t);
    const err = await t.db
      .$executeRawUnsafe("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40001', MESSAGE = 'could not serialize access'; END $$")
      .catch((e) => e);
    expect503(err);
  });
});
