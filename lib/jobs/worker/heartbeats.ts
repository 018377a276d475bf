import { sqlOf, type Db } from "@/lib/db";
import { WORKER_SILENCE_MS } from "./config";

export interface WorkerSummary {
  owner: string;
  host: string;
  startedAt: string;
  lastSeenAt: string;
  /** Reported within the last 90 s (three heartbeats). */
  alive: boolean;
  resfinderOk: boolean;
}

/** Worker processes by their heartbeat rows, newest first (gone ones too, until maintenance prunes them). */
export async function listWorkers(db: Db): Promise<WorkerSummary[]> {
  const [now, rows] = await Promise.all([sqlOf(db).now(), db.workerHeartbeat.findMany({ orderBy: { lastSeenAt: "desc" }, take: 50 })]);
  return rows.map((r) => ({
    owner: r.owner,
    host: r.host,
    startedAt: r.startedAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    alive: now.getTime() - r.lastSeenAt.getTime() <= WORKER_SILENCE_MS,
    resfinderOk: r.resfinderOk,
  }));
}
