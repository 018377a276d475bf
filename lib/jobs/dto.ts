import type { AmrJob, AmrJobParams } from "@/generated/prisma/client";
import { isJobStatus } from "./status";
import type { JobDetail, JobProgressInfo, JobSummary } from "./types";

type JobRow = AmrJob & { params?: AmrJobParams | null };

export function parseProgressInfo(text: string | null | undefined): JobProgressInfo {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as JobProgressInfo) : {};
  } catch {
    // A corrupt blob must not break the job page; progress details are advisory.
    return {};
  }
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toJobSummary(row: JobRow): JobSummary {
  const info = parseProgressInfo(row.additionalInfo);
  if (!isJobStatus(row.status)) throw new Error(`Unknown job status in database: ${row.status}`);
  return {
    id: row.id,
    name: row.jobName,
    status: row.status,
    progress: Math.round(row.progress * 10) / 10,
    phase: info.phase ?? null,
    etaSeconds: typeof info.etaSeconds === "number" ? info.etaSeconds : null,
    modelName: row.params?.modelName ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    completedAt: iso(row.completedAt),
    archivedAt: iso(row.archivedAt),
    error: row.error,
    version: row.version,
  };
}

export function toJobDetail(row: JobRow): JobDetail {
  const p = row.params;
  return {
    ...toJobSummary(row),
    params: p
      ? {
          modelName: p.modelName,
          batchSize: p.batchSize,
          segmentLength: p.segmentLength,
          segmentOverlap: p.segmentOverlap,
          useCpu: p.useCpu,
          minIdentity: p.minIdentity,
          minCoverage: p.minCoverage,
        }
      : null,
    input:
      row.inputFileName != null
        ? {
            fileName: row.inputFileName,
            sizeBytes: row.inputFileSize ?? 0,
            sha256: row.inputSha256 ?? "",
            contigs: row.inputContigs ?? 0,
            bases: row.inputBases ?? 0,
          }
        : null,
    progressInfo: parseProgressInfo(row.additionalInfo),
    attempts: row.attempts,
    cancelRequested: row.cancelRequested,
  };
}
