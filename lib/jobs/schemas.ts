import { z } from "zod";
import { JOB_STATUSES } from "./status";
import { MAX_PAGE_SIZE } from "./list-jobs";

export const jobIdParamSchema = z.object({ id: z.uuid("Invalid job id.") });

export const listJobsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  cursor: z.string().max(200).optional(),
  status: z.enum(JOB_STATUSES).optional(),
});
