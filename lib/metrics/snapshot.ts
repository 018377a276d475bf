import type { Db } from "@/lib/db";
import { readEventLoopDelay } from "./event-loop";
import { listMaintenanceRuns } from "@/lib/maintenance/runs";
import { jobStats } from "./job-stats";
import { metrics } from "./registry";
import { summaryRows } from "./summaries";
import { listWorkers } from "@/lib/jobs/worker/heartbeats";

/** Everything GET /api/admin/metrics answers, in one JSON document. */
export async function metricsSnapshot(db: Db, now = new Date()) {
  const m = metrics();
  const [dbRows, httpRows, jobs, maintenance, workers] = await Promise.all([
    summaryRows(m.dbOperation),
    summaryRows(m.httpRequest),
    jobStats(db, now),
    listMaintenanceRuns(db, 5),
    listWorkers(db),
  ]);
  return {
    generatedAt: now.toISOString(),
    windowSeconds: 600,
    process: {
      uptimeSeconds: Math.round(process.uptime()),
      rssBytes: process.memoryUsage().rss,
      heapUsedBytes: process.memoryUsage().heapUsed,
      eventLoopDelayMs: readEventLoopDelay(),
    },
    database: dbRows.map((r) => ({ model: r.labels.model, action: r.labels.action, count: r.count, p50: r.p50, p95: r.p95, p99: r.p99 })),
    routes: httpRows.map((r) => ({
      route: r.labels.route,
      method: r.labels.method,
      status: Number(r.labels.status),
      count: r.count,
      p50: r.p50,
      p95: r.p95,
      p99: r.p99,
    })),
    jobs,
    maintenance,
    workers,
  };
}
