import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { jobFiles } from "./job-files";
import type { CreateJobDeps } from "./create-job";
import { assertQueueRoom, definedOnly, resolveJobParams } from "./job-admission";
import { insertJob } from "./job-repository";
import { toAmrParams } from "./params";
import { getJobForUserOrThrow } from "./queries";
import { jobSettingsSchema } from "./schemas";

export const rerunSchema = jobSettingsSchema;

/** A new job on the same uploaded genome with other parameters; the original is untouched. */
export async function rerunJob(deps: CreateJobDeps, userId: string, sourceId: string, input: z.infer<typeof rerunSchema>) {
  const source = await getJobForUserOrThrow(deps.db, userId, sourceId);
  if (!source.inputFilePath || !(await deps.storage.head(source.inputFilePath))) {
    throw new AppError("conflict", "The genome of this job is no longer stored (it was archived or deleted); upload it again.");
  }
  await assertQueueRoom(deps.db, userId, deps.maxActiveJobsPerUser);
  const { jobName, ...changes } = input;
  // What the caller sends overrides the source job's settings; the rest is kept.
  const params = resolveJobParams({ ...(source.params ? toAmrParams(source.params) : {}), ...definedOnly(changes) });
  const id = randomUUID();
  const key = jobFiles.input(id, source.inputFilePath.endsWith(".gz"));
  await deps.storage.copy(source.inputFilePath, key);
  try {
    return await insertJob(deps.db, {
      id,
      userId,
      jobName: jobName ?? `${source.jobName} (re-run)`.slice(0, 200),
      params,
      inputFilePath: key,
      input: {
        fileName: source.inputFileName ?? "genome.fa",
        sizeBytes: source.inputFileSize ?? 0,
        sha256: source.inputSha256 ?? "",
        contigs: source.inputContigs ?? 0,
        bases: source.inputBases ?? 0,
      },
    }, deps.maxActiveJobsPerUser);
  } catch (err) {
    await deps.storage.delete(key);
    throw err;
  }
}
