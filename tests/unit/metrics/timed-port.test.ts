import { describe, expect, it } from "vitest";
import type { SqlPort } from "@/lib/db/port";
import { metrics } from "@/lib/metrics/registry";
import { summaryRows } from "@/lib/metrics/summaries";
import { timedPort } from "@/lib/metrics/timed-port";

const timedCount = async (action: string) =>
  (await summaryRows(metrics().dbOperation)).find((r) => r.labels.model === "sql" && r.labels.action === action)?.count ?? 0;

describe("timedPort", () => {
  it("times the port's queries and leaves a synchronous call's result as it is", async () => {
    const unsubscribe = async () => undefined;
    const port = {
      async now() {
        return new Date(0);
      },
      onJobQueued: () => unsubscribe,
    } as unknown as SqlPort;
    const timed = timedPort(port);
    const before = await timedCount("now");

    expect(await timed.now()).toEqual(new Date(0));
    expect(await timedCount("now")).toBe(before + 1);
    // The worker loop calls what this returns when it stops; a promise in its place broke shutdown.
    expect(timed.onJobQueued(() => undefined, () => undefined)).toBe(unsubscribe);
  });

  it("passes a failed query's error on, timed all the same", async () => {
    const port = { authState: () => Promise.reject(new Error("gone")) } as unknown as SqlPort;
    const before = await timedCount("authState");
    await expect(timedPort(port).authState("u")).rejects.toThrow("gone");
    expect(await timedCount("authState")).toBe(before + 1);
  });
});
