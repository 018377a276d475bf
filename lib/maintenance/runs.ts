import type { Db } from "@/lib/db";
import { toMaintenanceRunStatus, type MaintenanceRunStatus } from "./run-status";

export interface MaintenanceRunSummary {
  id: string;
  trigger: string;
  status: MaintenanceRunStatus | "unknown";
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  archived: number;
  purged: number;
  failedStale: number;
  orphansRemoved: number;
  missingFiles: number;
  error: string | null;
}

/** The latest runs, newest first, for the admin view. */
export async function listMaintenanceRuns(db: Db, limit: number): Promise<MaintenanceRunSummary[]> {
  const rows = await db.maintenanceRun.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: limit });
  return rows.map((r) => ({
    id: r.id,
    trigger: r.trigger,
    status: toMaintenanceRunStatus(r.status),
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: r.durationMs,
    archived: r.archived,
    purged: r.purged,
    failedStale: r.failedStale,
    orphansRemoved: r.orphansRemoved,
    missingFiles: r.missingFiles,
    error: r.error,
  }));
}
