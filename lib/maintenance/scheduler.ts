import { Cron } from "croner";
import { getEnv } from "@/lib/env";
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
      console.log(`[maintenance] ${r.skipped ? "skipped (another run holds the lease)" : `archived ${r.archived}, purged ${r.purged}, failed ${r.failedStale} stale, removed ${r.orphansRemoved} orphan files in ${r.durationMs} ms`}`);
    } catch (err) {
      console.error("[maintenance] run failed:", err instanceof Error ? err.message : err);
    }
  });
  return g.amrMaintenanceCron;
}
