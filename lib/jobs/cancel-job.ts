import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getJobForUserOrThrow } from "./queries";
import { isTerminal } from "./status";
import { requestCancel, updateJobStatus } from "./job-repository";

/**
 * A queued job is cancelled at once (it never runs). A running one gets a flag its worker reads
 * within a second, and the worker settles it as Cancelled. Finished jobs answer 409.
 * The loop covers the race with a worker claiming the job between our read and our write.
 */
export async function cancelJob(db: Db, userId: string, id: string, now = new Date()) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const job = await getJobForUserOrThrow(db, userId, id);
    if (isTerminal(job.status)) {
      throw new AppError("conflict", `The job is already ${job.status.toLowerCase()} and cannot be cancelled.`);
    }
    if (job.status === "Submitted") {
      const ok = await updateJobStatus(db, id, {
        from: "Submitted",
        to: "Cancelled",
        additionalInfo: { phase: "cancelled" },
        now,
      });
      if (ok) return getJobForUserOrThrow(db, userId, id);
      continue;
    }
    if (await requestCancel(db, userId, id, ["Processing"], now)) return getJobForUserOrThrow(db, userId, id);
  }
  throw new AppError("conflict", "The job changed state while cancelling; refresh and try again.");
}
