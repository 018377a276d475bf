import { after } from "next/server";
import { errorFields, log } from "@/lib/log/logger";
import { bindRequestContext } from "@/lib/log/request-context";

const pending = new Set<Promise<void>>();

/**
 * Work the response must not wait for (mail delivery, so a reset request takes the same time
 * whether or not the address exists). Inside a request Next's `after()` keeps the process alive
 * for it; outside one (tests, scripts) it runs at once and `settleAfterResponse` awaits it.
 */
export function runAfterResponse(task: () => Promise<void>): void {
  // Bound to the request's context: its log lines keep the request id after the response.
  const guarded = bindRequestContext(async () => {
    try {
      await task();
    } catch (err) {
      log().error(errorFields(err), "work after the response failed");
    }
  });
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
