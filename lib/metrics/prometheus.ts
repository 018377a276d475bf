import { Gauge } from "prom-client";
import type { Db } from "@/lib/db";
import { JOB_STATUSES } from "@/lib/jobs/status";
import { jobStats } from "./job-stats";
import { metrics } from "./registry";

const g = globalThis as unknown as { amrJobGauges?: boolean };

/** Job gauges are read from the database at scrape time (they span every worker process). */
function ensureJobGauges(db: Db) {
  if (g.amrJobGauges) return;
  g.amrJobGauges = true;
  const { registry } = metrics();
  new Gauge({
    name: "amr_jobs",
    help: "Jobs by status",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const stats = await jobStats(db);
      for (const s of JOB_STATUSES) this.set({ status: s }, stats.byStatus[s]);
    },
  });
  new Gauge({
    name: "amr_queue_oldest_seconds",
    help: "Age of the oldest queued job",
    registers: [registry],
    async collect() {
      this.set((await jobStats(db)).oldestQueuedSeconds ?? 0);
    },
  });
}

export async function prometheusText(db: Db): Promise<{ body: string; contentType: string }> {
  ensureJobGauges(db);
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
