import type { Db } from "@/lib/db";
import { JOB_STATUSES, type JobStatus } from "@/lib/jobs/status";

export interface JobStats {
  byStatus: Record<JobStatus, number>;
  queueDepth: number;
  oldestQueuedSeconds: number | null;
  running: number;
  /** Bases per second over the last completed jobs (all workers, all processes). */
  engineBasesPerSecond: number | null;
  recentCompleted: number;
}

/** Job counts and throughput from the database, so every worker process is included. */
export async function jobStats(db: Db, now = new Date()): Promise<JobStats> {
  const groups = await db.amrJob.groupBy({ by: ["status"], _count: { _all: true } });
  const byStatus = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const g of groups) if (g.status in byStatus) byStatus[g.status as JobStatus] = g._count._all;

  const oldest = await db.amrJob.findFirst({
    where: { status: "Submitted" },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  const recent = await db.amrJob.findMany({
    where: { status: "Completed", completedAt: { gte: new Date(now.getTime() - 24 * 3600_000) } },
    orderBy: { completedAt: "desc" },
    take: 50,
    select: { startedAt: true, completedAt: true, inputBases: true },
  });
  let bases = 0;
  let seconds = 0;
  for (const j of recent) {
    if (!j.startedAt || !j.completedAt || !j.inputBases) continue;
    bases += j.inputBases;
    seconds += (j.completedAt.getTime() - j.startedAt.getTime()) / 1000;
  }
  return {
    byStatus,
    queueDepth: byStatus.Submitted,
    running: byStatus.Processing,
    oldestQueuedSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000)) : null,
    engineBasesPerSecond: seconds > 0 ? Math.round(bases / seconds) : null,
    recentCompleted: recent.length,
  };
}
