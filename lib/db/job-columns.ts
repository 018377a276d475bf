import type { AmrJob, AmrJobParams } from "@/generated/prisma/client";

// The job poll's joined read maps every column of both models; typed against the Prisma models,
// so a new column fails the build here until the hot read selects it too.

export const JOB_COLUMNS: Record<keyof AmrJob, string> = {
  id: "id",
  userId: "user_id",
  jobName: "job_name",
  status: "status",
  progress: "progress",
  createdAt: "created_at",
  startedAt: "started_at",
  completedAt: "completed_at",
  error: "error",
  inputFilePath: "input_file_path",
  resultFilePath: "result_file_path",
  additionalInfo: "additional_info",
  inputFileName: "input_file_name",
  inputFileSize: "input_file_size",
  inputSha256: "input_sha256",
  inputContigs: "input_contigs",
  inputBases: "input_bases",
  leaseOwner: "lease_owner",
  leaseToken: "lease_token",
  leaseExpiresAt: "lease_expires_at",
  attempts: "attempts",
  notBefore: "not_before",
  cancelRequested: "cancel_requested",
  archivedAt: "archived_at",
  version: "version",
  updatedAt: "updated_at",
};

export const PARAM_COLUMNS: Record<keyof AmrJobParams, string> = {
  jobId: "job_id",
  modelName: "model_name",
  batchSize: "batch_size",
  segmentLength: "segment_length",
  segmentOverlap: "segment_overlap",
  useCpu: "use_cpu",
  minIdentity: "min_identity",
  minCoverage: "min_coverage",
};
