import type { JobDetail } from "@/lib/jobs/types";

export type ShareLinkStatus = "active" | "expired" | "revoked";

/** What the owner sees of a link (on /account): never the token, which is shown once. */
export interface ShareLinkDto {
  id: string;
  kind: "job" | "collection";
  targetId: string;
  targetName: string;
  status: ShareLinkStatus;
  showOwner: boolean;
  createdAt: string;
  expiresAt: string | null;
}

/** What anyone holding the link sees: the target, and the owner's name only if they chose so. */
export type SharedView =
  | { kind: "job"; owner: string | null; expiresAt: string | null; job: JobDetail }
  | { kind: "collection"; owner: string | null; expiresAt: string | null; collection: { name: string; jobCount: number } };

interface LinkRow {
  id: string;
  jobId: string | null;
  collectionId: string | null;
  showOwner: boolean;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  job: { jobName: string } | null;
  collection: { name: string } | null;
}

export function shareStatus(row: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ShareLinkStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export function toShareLinkDto(row: LinkRow, now: Date): ShareLinkDto {
  return {
    id: row.id,
    kind: row.jobId ? "job" : "collection",
    targetId: (row.jobId ?? row.collectionId)!,
    targetName: row.job?.jobName ?? row.collection?.name ?? "",
    status: shareStatus(row, now),
    showOwner: row.showOwner,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}
