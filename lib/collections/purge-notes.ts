import type { Db } from "@/lib/db";

/**
 * Called by the retention purge just before it deletes `jobIds`: every collection holding one of
 * them remembers its name, so the collection page can say which genomes left and why (the
 * membership row itself goes with the job). Idempotent (a re-run overwrites the same notes).
 */
export async function notePurgedMembers(db: Db, jobIds: readonly string[], now: Date): Promise<void> {
  if (jobIds.length === 0) return;
  const links = await db.collectionJob.findMany({
    where: { jobId: { in: [...jobIds] } },
    select: { collectionId: true, jobId: true, job: { select: { jobName: true } } },
  });
  if (links.length === 0) return;
  await db.$transaction(async (tx) => {
    for (const l of links) {
      await tx.collectionPurgedJob.upsert({
        where: { collectionId_jobId: { collectionId: l.collectionId, jobId: l.jobId } },
        create: { collectionId: l.collectionId, jobId: l.jobId, jobName: l.job.jobName, purgedAt: now },
        update: { purgedAt: now },
      });
    }
  });
}

/** Drops the notes of jobs the purge did not delete after all (their row changed meanwhile). */
export async function forgetSurvivors(db: Db, survivorIds: readonly string[]): Promise<void> {
  if (survivorIds.length === 0) return;
  await db.collectionPurgedJob.deleteMany({ where: { jobId: { in: [...survivorIds] } } });
}
