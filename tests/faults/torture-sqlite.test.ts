// DL1 in CI: `npm run torture` with 10 kills (the full run is 200: docs/fault-testing.md).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root, startNode } from "../multi/processes";

describe("DL1: the kill -9 loop", () => {
  it("10 SIGKILLs of a server taking uploads and running jobs: database intact, every acknowledged job present", async () => {
    const proc = startNode("torture", ["--import", "tsx", path.join(root, "scripts", "torture.ts"), "--kills", "10", "--seed", "7"], {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
    });
    const exit = await proc.closed;
    const summary = JSON.parse(/^\{"kills".*$/m.exec(proc.output())?.[0] ?? "null") as { kills: number; acknowledged: number; ok: boolean; failure: string | null } | null;
    expect(summary, proc.output()).not.toBeNull();
    expect(summary).toMatchObject({ kills: 10, ok: true, failure: null });
    expect(exit).toMatchObject({ code: 0 });
    // The loop proves something only if uploads were acknowledged between the kills.
    expect(summary!.acknowledged).toBeGreaterThan(0);
  }, 120_000);
});
