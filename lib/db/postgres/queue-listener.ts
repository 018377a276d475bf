import pg from "pg";
import { QUEUE_CHANNEL } from "./statements";

/**
 * A dedicated connection LISTENing for queued jobs, so an idle worker on any machine starts a
 * job as soon as it is committed instead of at its next poll. A lost connection is re-opened
 * with backoff; meanwhile polling (which always runs) keeps the queue moving.
 */
export function listenForQueuedJobs(connectionString: string, onQueued: () => void, log: (m: string) => void): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = 500;
  let timer: NodeJS.Timeout | null = null;

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString });
    c.on("notification", (msg) => {
      if (msg.channel === QUEUE_CHANNEL) onQueued();
    });
    c.on("error", (err) => {
      log(`[worker] queue listener lost its connection (${err.message}); polling until it is back`);
      c.end().catch(() => undefined);
      if (client === c) client = null;
      retry();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${QUEUE_CHANNEL}`);
      if (stopped) return void (await c.end());
      client = c;
      retryMs = 500;
      onQueued(); // anything queued while we were not listening
    } catch (err) {
      await c.end().catch(() => undefined);
      log(`[worker] queue listener could not connect (${err instanceof Error ? err.message : err}); retrying`);
      retry();
    }
  };
  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
    timer.unref?.();
    retryMs = Math.min(retryMs * 2, 30_000);
  };

  void connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await client?.end().catch(() => undefined);
    client = null;
  };
}
