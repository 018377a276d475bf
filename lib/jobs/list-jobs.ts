import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "./cursor";
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
  const cursor = opts.cursor ? decodeCursor(opts.cursor) : null;
  if (opts.cursor && !cursor) throw new AppError("bad_request", "Invalid cursor.");

  const rows = await db.amrJob.findMany({
    where: {
      userId,
      ...(opts.status ? { status: opts.status } : {}),
      // "Before the cursor" as a range plus one excluded tie, not an OR of two branches: the
      // range walks the (user_id, created_at, id) index from the cursor, and the OR form cost a
      // far page about twice the first (bench:api).
      ...(cursor ? { createdAt: { lte: cursor.createdAt }, NOT: { createdAt: cursor.createdAt, id: { gte: cursor.id } } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { params: true },
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
  return { items, nextCursor };
}
