import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { securityEvent } from "@/lib/log/security-events";
import { findJobWithParamsForUser } from "./job-with-params";

/** Any job by id, for the worker and maintenance; never for a user-facing route. */
export function getJob(db: Db, id: string) {
  return db.amrJob.findUnique({ where: { id }, include: { params: true } });
}

/**
 * Ownership lives in the query: another user's job and a missing one look the same. It is the
 * status poll's query, so it is one prepared statement (job-with-params.ts), not Prisma's two.
 */
export const getJobForUser = findJobWithParamsForUser;

export async function getJobForUserOrThrow(db: Db, userId: string, id: string) {
  const job = await getJobForUser(db, userId, id);
  if (!job) {
    // The answer is the same 404 either way; only the log tells a probe of someone else's job apart.
    const other = await db.amrJob.findUnique({ where: { id }, select: { userId: true } });
    if (other) securityEvent("access.cross_user_refused", { resource: "job", id, userId, ownerId: other.userId });
    throw new AppError("not_found", "Job not found.");
  }
  return job;
}

export function getJobParams(db: Db, jobId: string) {
  return db.amrJobParams.findUnique({ where: { jobId } });
}
