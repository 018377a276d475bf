import { jobIdOfKey } from "@/lib/jobs/job-files";
import { isTerminal } from "@/lib/jobs/status";

export interface StoredFile {
  key: string;
  modifiedAt: Date;
}

export interface FileOwner {
  status: string;
  inputFilePath: string | null;
  resultFilePath: string | null;
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
