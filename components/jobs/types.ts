import type { JobDetail, JobSummary } from "@/lib/jobs/types";
import type { AmrResult } from "@/lib/amr/types";
import type { ModelInfo } from "@/lib/amr/models";

export type { JobDetail, JobSummary, AmrResult, ModelInfo };

export interface JobPage {
  items: JobSummary[];
  nextCursor: string | null;
}
