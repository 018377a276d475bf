import type { AmrJob, AmrJobParams } from "@/generated/prisma/client";
import { sqlOf, type Db } from "@/lib/db";
import { JOB_COLUMNS, PARAM_COLUMNS } from "@/lib/db/job-columns";

// The status poll is the hottest query in the product (every open job page, every 2 s). Prisma's
// findFirst + include costs two queries and ~0.7 ms of client overhead; this is the same read as
// one joined statement prepared once (lib/db/*/statements.ts). A test compares it with Prisma's.

function toJobRow(row: Record<string, unknown>): AmrJob & { params: AmrJobParams | null } {
  const job = Object.fromEntries(Object.keys(JOB_COLUMNS).map((k) => [k, row[k]])) as unknown as AmrJob;
  const params =
    row.p_jobId == null
      ? null
      : (Object.fromEntries(Object.keys(PARAM_COLUMNS).map((k) => [k, row[`p_${k}`]])) as unknown as AmrJobParams);
  return { ...job, params };
}

/** The user's own job with its parameters in one statement; null for a missing or foreign id. */
export async function findJobWithParamsForUser(db: Db, userId: string, id: string) {
  const row = await sqlOf(db).jobWithParams(id, userId);
  return row ? toJobRow(row) : null;
}
