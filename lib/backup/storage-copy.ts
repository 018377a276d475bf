import { copyFileSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { JOB_AREAS, jobIdOfKey } from "@/lib/jobs/job-files";
import { isOrphanFile, type FileOwner } from "@/lib/maintenance/orphan-rules";

export interface CopyResult {
  files: number;
  bytes: number;
  /** Files a row of the snapshot refers to that were deleted before they could be copied. */
  vanished: number;
}

function* walk(dir: string, rel: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return; // an area nothing was ever stored in
  }
  for (const e of entries) {
    const key = `${rel}/${e.name}`;
    if (e.isDirectory()) yield* walk(dir, key);
    else if (e.isFile()) yield key;
  }
}

/**
 * The files a snapshot's job rows keep (the reconciler's own rule, isOrphanFile), so a restored
 * pair has neither orphans nor rows without files. Used after the snapshot: a job's files are
 * written before its row and never change once in place, so every row's files are there, and
 * files of jobs created since are left out. Temp files and unconfirmed uploads belong to no row.
 */
export function keptByRows(rowOf: (jobId: string) => FileOwner | undefined, now = new Date()): (key: string) => boolean {
  return (key) => {
    const jobId = jobIdOfKey(key)?.jobId;
    const owner = jobId ? rowOf(jobId) : undefined;
    // With an owner the grace period plays no part; the time only fills the signature.
    return owner !== undefined && !isOrphanFile({ key, modifiedAt: now }, owner, now, 0);
  };
}

/** Copies the job files (inputs, results, archives) of a local storage directory that `keep` accepts. */
export function copyJobFiles(storageDir: string, destDir: string, keep: (key: string) => boolean): CopyResult {
  const out: CopyResult = { files: 0, bytes: 0, vanished: 0 };
  for (const area of JOB_AREAS) {
    for (const key of walk(storageDir, area.slice(0, -1))) {
      if (!keep(key)) continue;
      const dest = path.join(destDir, key);
      mkdirSync(path.dirname(dest), { recursive: true });
      try {
        copyFileSync(path.join(storageDir, key), dest);
      } catch (err) {
        // Deleted since the snapshot (a job deleted or purged meanwhile): maintenance reports the
        // restored row under missingFiles, as it does any row without its files.
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
        out.vanished += 1;
        continue;
      }
      out.files += 1;
      out.bytes += statSync(dest).size;
    }
  }
  return out;
}
