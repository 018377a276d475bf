import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POLICIES } from "@/lib/rate-limit/policies";
import { longestWindowMs } from "@/lib/rate-limit/store";
import { withTestDbAndStorage, type TempStorage } from "../helpers/jobs";
import { seedUser, type TestDb } from "../helpers/test-db";
import { DAY, NOW, runAt } from "./maintenance-fixtures";

let t: TestDb;
let s: TempStorage;
withTestDbAndStorage((db, storage) => {
  t = db;
  s = storage;
});

describe("maintenance prunes auth bookkeeping", () => {
  it("drops rate-limit events no window can see and reset tokens a day past expiry, in batches", async () => {
    const window = longestWindowMs(POLICIES);
    const stale = new Date(NOW.getTime() - window - 1000);
    const live = new Date(NOW.getTime() - window + 60_000);
    await t.db.rateLimitEvent.createMany({
      data: [
        ...Array.from({ length: 7 }, () => ({ key: "login:ip:10.0.0.1", at: stale })),
        ...Array.from({ length: 2 }, () => ({ key: "login:ip:10.0.0.1", at: live })),
      ],
    });
    const user = await seedUser(t.db);
    const token = (expiresAt: Date) => ({ id: randomUUID(), userId: user.id, tokenHash: randomUUID(), expiresAt });
    await t.db.passwordResetToken.createMany({
      data: [token(new Date(NOW.getTime() - 2 * DAY)), token(new Date(NOW.getTime() - DAY / 2)), token(new Date(NOW.getTime() + 600_000))],
    });

    await runAt(t.db, s.storage, { batchSize: 3 });

    expect(await t.db.rateLimitEvent.count()).toBe(2);
    expect((await t.db.rateLimitEvent.findMany()).every((e) => e.at.getTime() === live.getTime())).toBe(true);
    expect(await t.db.passwordResetToken.count()).toBe(2);
    const again = await runAt(t.db, s.storage);
    expect(again.skipped).toBe(false);
    expect(await t.db.rateLimitEvent.count()).toBe(2);
  });
});

describe("maintenance prunes the heartbeat rows of workers that are gone", () => {
  it("removes rows silent for a day and keeps the others", async () => {
    const at = (ms: number) => new Date(NOW.getTime() - ms);
    await t.db.workerHeartbeat.createMany({
      data: [
        { owner: "dead", host: "a", startedAt: at(3 * DAY), lastSeenAt: at(DAY + 60_000), resfinderOk: true },
        { owner: "quiet", host: "b", startedAt: at(3 * DAY), lastSeenAt: at(DAY - 60_000), resfinderOk: true },
        { owner: "alive", host: "c", startedAt: at(DAY), lastSeenAt: at(10_000), resfinderOk: true },
      ],
    });
    await runAt(t.db, s.storage);
    expect((await t.db.workerHeartbeat.findMany({ orderBy: { owner: "asc" } })).map((w) => w.owner)).toEqual(["alive", "quiet"]);
  });
});
