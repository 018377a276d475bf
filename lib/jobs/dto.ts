import type { AmrJob, AmrJobParams } from "@/generated/prisma/client";
import { retentionPolicy, type RetentionPolicy } from "@/lib/maintenance/policy";
import { projectedRetention } from "@/lib/maintenance/retention";
import { isJobStatus } from "./status";
import type { JobDetail, JobProgressInfo, JobSummary } from "./types";
import { toAmrParams } from "./params";

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

/** With the configured retention policy; one argument so `items.map(toJobSummary)` stays safe. */
export function toJobSummary(row: JobRow): JobSummary {
  return toJobSummaryWith(row, retentionPolicy());
}

/** The pure mapping: the retention dates come from the policy passed in. */
export function toJobSummaryWith(row: JobRow, policy: RetentionPolicy): JobSummary {
  const info = parseProgressInfo(row.additionalInfo);
  if (!isJobStatus(row.status)) throw new Error(`Unknown job status in database: ${row.status}`);
  const retention = projectedRetention(row, policy);
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
    archiveAt: iso(retention.archiveAt),
    deleteAt: iso(retention.deleteAt),
    error: row.error,
    version: row.version,
  };
}

export function toJobDetail(row: JobRow): JobDetail {
  return toJobDetailWith(row, retentionPolicy());
}

export function toJobDetailWith(row: JobRow, policy: RetentionPolicy): JobDetail {
  const p = row.params;
  return {
    ...toJobSummaryWith(row, policy),
    params: p ? toAmrParams(p) : null,
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
    retryAt: row.status === "Submitted" ? iso(row.notBefore) : null,
  };
}
