import type { AmrParams } from "@/lib/amr/types";
import type { JobStatus } from "./status";

/** Live progress details kept as JSON in amr_jobs.additional_info. */
export interface JobProgressInfo {
  phase?: string;
  segmentsDone?: number;
  segmentsTotal?: number;
  basesDone?: number;
  basesTotal?: number;
  etaSeconds?: number | null;
}

/** What amr_job_params stores: exactly the engine's parameters. */
export type JobParamsInput = AmrParams;

export interface JobInputMeta {
  fileName: string;
  sizeBytes: number;
  sha256: string;
  contigs: number;
  bases: number;
}

export interface NewJob {
  id?: string;
  userId: string;
  jobName: string;
  params: JobParamsInput;
  input?: JobInputMeta;
  inputFilePath?: string;
  createdAt?: Date;
  /** One of the user's collections the job joins as it is created (404 otherwise, and no job). */
  collectionId?: string | null;
}

/** What a browser or script may see of a job: no paths, no lease columns. */
export interface JobSummary {
  id: string;
  name: string;
  status: JobStatus;
  progress: number;
  phase: string | null;
  etaSeconds: number | null;
  modelName: string | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  archivedAt: string | null;
  /** When maintenance will archive it (null: it will not); from the retention policy. */
  archiveAt: string | null;
  /** When maintenance will delete it, assuming it runs on time (null while the job is live). */
  deleteAt: string | null;
  error: string | null;
  version: number;
}

export interface JobDetail extends JobSummary {
  params: JobParamsInput | null;
  input: JobInputMeta | null;
  progressInfo: JobProgressInfo;
  attempts: number;
  cancelRequested: boolean;
  /** Queued again after a temporary failure: not run before this time (`error` says what failed). */
  retryAt: string | null;
}
