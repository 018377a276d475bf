import { RESULT_FORMATS, type ResultFormat } from "./result-files";
import { z } from "zod";
import { JOB_STATUSES } from "./status";
import { MAX_PAGE_SIZE } from "./list-jobs";

/**
 * A job's settings in a JSON body (re-run, direct-upload confirm): each optional, the model
 * registry checks ranges (resolveParams) so its messages reach the user.
 */
export const jobSettingsSchema = z.object({
  jobName: z.string().trim().min(1).max(200, "must be at most 200 characters").optional(),
  modelName: z.string().trim().max(100).optional(),
  batchSize: z.number().optional(),
  segmentLength: z.number().optional(),
  segmentOverlap: z.number().optional(),
  minIdentity: z.number().optional(),
  minCoverage: z.number().optional(),
  useCpu: z.boolean().optional(),
});

export const jobIdParamSchema = z.object({ id: z.uuid("Invalid job id.") });

export const listJobsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  cursor: z.string().max(200).optional(),
  status: z.enum(JOB_STATUSES).optional(),
});

/** ?format= of a job's results download (owner's route and share route alike). */
export const resultFormatQuerySchema = z.object({
  format: z
    .enum(Object.keys(RESULT_FORMATS) as [ResultFormat, ...ResultFormat[]], {
      error: `format must be one of: ${Object.keys(RESULT_FORMATS).join(", ")}`,
    })
    .default("json"),
});
