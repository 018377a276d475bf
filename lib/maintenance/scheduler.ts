import { Cron } from "croner";
import { getEnv } from "@/lib/env";
import { errorFields, log } from "@/lib/log/logger";
import { runAppMaintenance } from "./app-deps";

const g = globalThis as unknown as { amrMaintenanceCron?: Cron };

/**
 * Self-hosted trigger (from instrumentation.ts, once per server process). `protect` skips a tick
 * while the previous run is still going in this process; the database lease covers other
 * processes and the cron route. Unref'd so it never keeps a process alive on its own.
 */
export function startMaintenanceScheduler(): Cron | null {
  const env = getEnv();
  if (!env.SCHEDULER_ENABLED) return null;
  g.amrMaintenanceCron ??= new Cron(env.MAINTENANCE_SCHEDULE, { protect: true, unref: true, name: "maintenance" }, async () => {
    try {
      const r = await runAppMaintenance("scheduler");
      const { runId, archived, purged, failedStale, orphansRemoved, missingFiles, durationMs, skipped } = r;
      log().info({ component: "maintenance", runId, archived, purged, failedStale, orphansRemoved, missingFiles, durationMs, skipped }, skipped ? "maintenance skipped (another run holds the lease)" : "maintenance run finished");
    } catch (err) {
      log().error({ component: "maintenance", ...errorFields(err) }, "maintenance run failed");
    }
  });
  return g.amrMaintenanceCron;
}
