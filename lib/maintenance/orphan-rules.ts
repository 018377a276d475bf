import { isTerminal } from "@/lib/jobs/status";

export type FileArea = "inputs" | "results" | "archive" | "tmp";

export interface StoredFile {
  key: string;
  modifiedAt: Date;
}

export interface FileOwner {
  status: string;
  inputFilePath: string | null;
  resultFilePath: string | null;
}

/** The job a stored key belongs to, by the layout in storageKeys; null for temp files. */
export function jobIdOfKey(key: string): { area: FileArea; jobId: string | null } | null {
  const [area, second] = key.split("/");
  if (!second) return null;
  if (area === "tmp") return { area, jobId: null };
  if (area === "inputs") return { area, jobId: second.split(".")[0] };
  if (area === "results" || area === "archive") return { area, jobId: second };
  return null;
}

/**
 * Whether a file may be deleted. Without a row, only once older than the grace period (an upload
 * commits its file just before its row). A live job's files are never touched: a worker may be
 * writing a new result folder. A finished or archived job keeps exactly the files its row refers
 * to, plus (not yet archived) a half-written archive that the next archive attempt overwrites.
 */
export function isOrphanFile(file: StoredFile, owner: FileOwner | undefined, now: Date, graceHours: number): boolean {
  const where = jobIdOfKey(file.key);
  if (!where) return false;
  if (!owner) return file.modifiedAt.getTime() + graceHours * 3_600_000 <= now.getTime();
  if (!isTerminal(owner.status)) return false;
  const underResult = owner.resultFilePath !== null && file.key.startsWith(owner.resultFilePath);
  switch (where.area) {
    case "inputs":
      return owner.inputFilePath !== file.key;
    case "results":
      return !underResult;
    case "archive":
      return owner.status === "Archived" && !underResult;
    default:
      return false;
  }
}
