import { readdirSync, readlinkSync } from "node:fs";
import path from "node:path";

/**
 * Processes that hold any of `files` open (Linux: /proc/<pid>/fd). A restore must not swap a
 * database under a running server or worker: SQLite would go on using the old file (or its
 * -wal and -shm) and the two would diverge. Null where /proc is not available.
 */
export function processesHolding(files: string[]): number[] | null {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const wanted = new Set(files.map((f) => path.resolve(f)));
  const holders: number[] = [];
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // exited, or another user's process
    }
    for (const fd of fds) {
      try {
        if (wanted.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) {
          holders.push(Number(pid));
          break;
        }
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return holders;
}
