import { describe, expect, it } from "vitest";
import { appDb, sqlOf } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { withConfiguredAppDb, workerSettings } from "../helpers/configured-app-db";

// DL3: every connection the application opens reports the settings the README promises, read
// back from the database itself, for each way the app connects: the app client (Prisma, also
// inside a transaction), the SQL port, and a standalone worker process.
withConfiguredAppDb();

describe("SQLite connection settings (DL3)", () => {
  const promised = { journal_mode: "wal", synchronous: "FULL", busy_timeout: 5000, foreign_keys: 1 };

  it("the app client and the SQL port report WAL, synchronous=FULL, busy_timeout 5000, foreign_keys on", async () => {
    const db = appDb();
    const viaPrisma = async (client: Pick<typeof db, "$queryRawUnsafe">) => {
      const [row] = await client.$queryRawUnsafe<Record<string, unknown>[]>(
        "SELECT (SELECT journal_mode FROM pragma_journal_mode()) AS journal_mode, (SELECT synchronous FROM pragma_synchronous()) AS synchronous, (SELECT timeout FROM pragma_busy_timeout()) AS busy_timeout, (SELECT foreign_keys FROM pragma_foreign_keys()) AS foreign_keys",
      );
      return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]));
    };
    expect(await viaPrisma(db)).toEqual({ ...promised, synchronous: 2 });
    expect(await db.$transaction((tx) => viaPrisma(tx))).toEqual({ ...promised, synchronous: 2 });
    expect(await sqlOf(db).connectionSettings()).toEqual(promised);
  });

  it("honours SQLITE_SYNCHRONOUS and SQLITE_BUSY_TIMEOUT_MS", async () => {
    process.env.SQLITE_SYNCHRONOUS = "NORMAL";
    process.env.SQLITE_BUSY_TIMEOUT_MS = "7000";
    resetEnvCache();
    expect(await sqlOf(appDb()).connectionSettings()).toEqual({ ...promised, synchronous: "NORMAL", busy_timeout: 7000 });
  });

  it("a standalone worker process's connection reports the same, and its configured values", async () => {
    expect(await workerSettings({})).toEqual(promised);
    expect(await workerSettings({ SQLITE_SYNCHRONOUS: "EXTRA", SQLITE_BUSY_TIMEOUT_MS: "9000" })).toEqual({
      ...promised,
      synchronous: "EXTRA",
      busy_timeout: 9000,
    });
  });
});
