import type { MaintenanceContext } from "./context";

/** A worker silent this long is gone (killed, or its machine is): its heartbeat row goes. */
export const DEAD_WORKER_ROW_MS = 24 * 3_600_000;

/** Heartbeat rows of workers that stopped without removing their own (a SIGKILL, a lost machine). */
export async function pruneWorkerHeartbeats(ctx: MaintenanceContext): Promise<number> {
  const { count } = await ctx.db.workerHeartbeat.deleteMany({ where: { lastSeenAt: { lt: new Date(ctx.now.getTime() - DEAD_WORKER_ROW_MS) } } });
  if (count) ctx.log(`removed ${count} heartbeat row(s) of workers silent for a day`);
  return count;
}
