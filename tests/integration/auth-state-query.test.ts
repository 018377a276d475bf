import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryAuthState } from "@/lib/auth/auth-state";
import { createTestDb, seedUser, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

describe("queryAuthState (raw, on every request)", () => {
  it("returns what Prisma returns for the same columns", async () => {
    const u = await seedUser(t.db, { role: "admin" });
    await t.db.user.update({ where: { id: u.id }, data: { sessionVersion: 7, disabledAt: new Date("2026-03-01T00:00:00Z") } });
    const viaPrisma = await t.db.user.findUnique({
      where: { id: u.id },
      select: { id: true, username: true, role: true, sessionVersion: true, disabledAt: true },
    });
    expect(await queryAuthState(u.id, t.db)).toEqual(viaPrisma);
    expect(await queryAuthState("nobody", t.db)).toBeNull();
  });
});
