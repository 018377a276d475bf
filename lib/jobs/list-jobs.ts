import type { Db } from "@/lib/db";
import { afterCursor, NEWEST_FIRST, parseCursor, toPage } from "@/lib/pagination/keyset";
import type { JobStatus } from "./status";

export const MAX_PAGE_SIZE = 100;

export interface ListJobsOptions {
  limit?: number;
  cursor?: string;
  status?: JobStatus;
}

/**
 * A user's jobs, newest first, by keyset pagination on (created_at, id): pages stay stable
 * while new jobs arrive, and a far page costs what the first one does (no OFFSET).
 */
export async function listJobsByUser(db: Db, userId: string, opts: ListJobsOptions = {}) {
  const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, opts.limit ?? 20));
  const rows = await db.amrJob.findMany({
    where: {
      userId,
      ...(opts.status ? { status: opts.status } : {}),
      ...afterCursor(parseCursor(opts.cursor)),
    },
    orderBy: NEWEST_FIRST,
    take: limit + 1,
    include: { params: true },
  });
  return toPage(rows, limit);
}
