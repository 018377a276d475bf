import pg from "pg";

export interface LockWait {
  pid: number;
  waitEvent: string;
  query: string;
}

export interface LockWatch<T> {
  result: T;
  /** Every statement caught waiting on a heavyweight lock (a row, tuple or transaction lock). */
  lockWaits: LockWait[];
  /** How often a statement matching `watched` was caught running: proof the watch could see it. */
  seenRunning: number;
}

/**
 * Watches the other sessions of a PostgreSQL database while `run` works, as often as it can.
 * PostgreSQL reports a session blocked by another's lock as wait_event_type 'Lock' for as long
 * as it waits, so a wait long enough to matter is caught; one of a few microseconds may not be.
 */
export async function watchLockWaits<T>(url: string, watched: RegExp, run: () => Promise<T>): Promise<LockWatch<T>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const lockWaits: LockWait[] = [];
  let seenRunning = 0;
  let done = false;
  const sampling = (async () => {
    while (!done) {
      const { rows } = await client.query<{ pid: number; wait_event_type: string | null; wait_event: string | null; query: string }>(
        `SELECT pid, wait_event_type, wait_event, query FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`,
      );
      for (const r of rows) {
        if (r.wait_event_type === "Lock") lockWaits.push({ pid: r.pid, waitEvent: r.wait_event ?? "", query: r.query });
        else if (watched.test(r.query)) seenRunning++;
      }
    }
  })();
  try {
    const result = await run();
    return { result, lockWaits, seenRunning };
  } finally {
    done = true;
    await sampling.catch(() => undefined);
    await client.end();
  }
}
