import { Registry, Summary } from "prom-client";
import { describe, expect, it } from "vitest";
import { routeLabel } from "@/lib/metrics/route-label";
import { summaryRows } from "@/lib/metrics/summaries";

describe("summaryRows", () => {
  it("reports count and p50/p95/p99 in milliseconds per label set", async () => {
    const s = new Summary({ name: "t", help: "t", labelNames: ["op"], percentiles: [0.5, 0.95, 0.99], registers: [new Registry()] });
    for (let i = 1; i <= 100; i++) s.observe({ op: "slow" }, i / 1000); // 1..100 ms
    s.observe({ op: "fast" }, 0.002);
    const rows = await summaryRows(s);
    expect(rows.map((r) => r.labels.op)).toEqual(["slow", "fast"]); // busiest first
    const slow = rows[0];
    expect(slow.count).toBe(100);
    expect(slow.p50).toBeGreaterThanOrEqual(49);
    expect(slow.p50).toBeLessThanOrEqual(51);
    expect(slow.p95).toBeGreaterThanOrEqual(94);
    expect(slow.p95).toBeLessThanOrEqual(96);
    expect(slow.p99).toBeGreaterThanOrEqual(98);
    expect(rows[1]).toMatchObject({ count: 1, p50: 2, p99: 2 });
  });
});

describe("routeLabel", () => {
  it("folds ids so each route is one series", () => {
    expect(routeLabel("http://h/api/jobs/0b9f6c4e-2a57-4ad0-9a53-8f1d8c4e6f10/results?format=json")).toBe("/api/jobs/:id/results");
    expect(routeLabel("http://h/api/jobs?limit=5")).toBe("/api/jobs");
  });
});
