import { after } from "next/server";

const pending = new Set<Promise<void>>();

/**
 * Work the response must not wait for (mail delivery, so a reset request takes the same time
 * whether or not the address exists). Inside a request Next's `after()` keeps the process alive
 * for it; outside one (tests, scripts) it runs at once and `settleAfterResponse` awaits it.
 */
export function runAfterResponse(task: () => Promise<void>): void {
  const guarded = async () => {
    try {
      await task();
    } catch (err) {
      console.error("[after-response]", err instanceof Error ? err.stack ?? err.message : err);
    }
  };
  try {
    after(guarded);
  } catch {
    const p = guarded().finally(() => pending.delete(p));
    pending.add(p);
  }
}

/** Waits for background work started outside a request scope (tests). */
export async function settleAfterResponse(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
