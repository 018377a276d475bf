import { describe, expect, it } from "vitest";
import { appDb, sqlOf } from "@/lib/db";
import { withConfiguredAppDb, workerSettings } from "../helpers/configured-app-db";

// DL3: every connection the application opens reports the settings the README promises, read
// back from the database itself, for each way the app connects: the app client (Prisma, also
// inside a transaction), the SQL port, and a standalone worker process.
withConfiguredAppDb();

describe("PostgreSQL connection settings (DL3)", () => {
  // A commit is acknowledged only once flushed to the server's disk: the PostgreSQL twin of FULL.
  const promised = { synchronous_commit: "on", fsync: "on" };

  it("the app client, the SQL port and a worker process report synchronous_commit and fsync on", async () => {
    const [row] = await appDb().$queryRawUnsafe<Record<string, string>[]>(
      "SELECT current_setting('synchronous_commit') AS synchronous_commit, current_setting('fsync') AS fsync",
    );
    expect(row).toEqual(promised);
    expect(await sqlOf(appDb()).connectionSettings()).toEqual(promised);
    expect(await workerSettings({})).toEqual(promised);
  });
});
