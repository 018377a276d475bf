import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import type { NewJob } from "./types";

/** Inserts the job and its parameters in one transaction (the original save_amr_job). */
export async function saveJob(db: Db, job: NewJob) {
  const id = job.id ?? randomUUID();
  return db.amrJob.create({
    data: {
      id,
      userId: job.userId,
      jobName: job.jobName,
      status: "Submitted",
      progress: 0,
      createdAt: job.createdAt ?? new Date(),
      updatedAt: job.createdAt ?? new Date(),
      inputFilePath: job.inputFilePath ?? null,
      inputFileName: job.input?.fileName ?? null,
      inputFileSize: job.input?.sizeBytes ?? null,
      inputSha256: job.input?.sha256 ?? null,
      inputContigs: job.input?.contigs ?? null,
      inputBases: job.input?.bases ?? null,
      params: { create: { ...job.params } },
    },
    include: { params: true },
  });
}
