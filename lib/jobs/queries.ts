import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findJobWithParamsForUser } from "./job-row-query";

/** Any job by id, for the worker and maintenance; never for a user-facing route. */
export function getJob(db: Db, id: string) {
  return db.amrJob.findUnique({ where: { id }, include: { params: true } });
}

/** Ownership lives in the query: another user's job and a missing one look the same. */
export function getJobForUser(db: Db, userId: string, id: string) {
  return db.amrJob.findFirst({ where: { id, userId }, include: { params: true } });
}

export async function getJobForUserOrThrow(db: Db, userId: string, id: string) {
  const job = await findJobWithParamsForUser(db, userId, id);
  if (!job) throw new AppError("not_found", "Job not found.");
  return job;
}

export function getJobParams(db: Db, jobId: string) {
  return db.amrJobParams.findUnique({ where: { jobId } });
}
