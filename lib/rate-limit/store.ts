import { sqlOf, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { evaluateWindow, type WindowDecision, type WindowPolicy } from "./window";

/** Where the limit stands for `key` (rows in rate_limit_events, so restarts forget nothing). */
export async function checkLimit(db: Db, key: string, policy: WindowPolicy, now = new Date()): Promise<WindowDecision> {
  const rows = await db.rateLimitEvent.findMany({
    where: { key, at: { gt: new Date(now.getTime() - policy.windowMs) } },
    select: { at: true },
    orderBy: { at: "asc" },
  });
  return evaluateWindow(rows.map((r) => r.at.getTime()), now.getTime(), policy);
}

/**
 * Counts one event only if the window has room, in one atomic step on either database (a
 * conditional insert, not count-then-insert): concurrent requests on any number of servers can
 * never both take the last slot. Also drops this key's events that have left the window.
 */
export function reserve(db: Db, key: string, policy: WindowPolicy, now = new Date()): Promise<WindowDecision & { eventId: number | null }> {
  return sqlOf(db).consumeRateLimit(key, policy, now);
}

/** Takes back one reserved event (an attempt that turned out not to count). */
export async function forgetEvent(db: Db, eventId: number): Promise<void> {
  await db.rateLimitEvent.deleteMany({ where: { id: eventId } });
}

export async function clearEvents(db: Db, key: string): Promise<void> {
  await db.rateLimitEvent.deleteMany({ where: { key } });
}

/**
 * For maintenance: drops events older than `before` (no window looks that far back), in
 * statements of at most `batchSize` rows so the single SQLite writer is never held for long.
 */
export async function pruneEvents(db: Db, before: Date, batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const old = await db.rateLimitEvent.findMany({ where: { at: { lt: before } }, select: { id: true }, take: batchSize });
    if (old.length === 0) return total;
    total += (await db.rateLimitEvent.deleteMany({ where: { id: { in: old.map((e) => e.id) } } })).count;
  }
}

/** The longest window of any policy: events older than this count for nothing. */
export function longestWindowMs(policies: Record<string, WindowPolicy>): number {
  return Math.max(...Object.values(policies).map((p) => p.windowMs));
}

export function rateLimitedError(decision: WindowDecision, message = "Too many attempts. Try again later."): AppError {
  return new AppError("rate_limited", message, {
    headers: { "Retry-After": String(decision.retryAfterSeconds) },
    details: { retryAfterSeconds: decision.retryAfterSeconds },
  });
}

/** Counts a request and refuses it (429, Retry-After) once the window is full; for reset/register. */
export async function consume(db: Db, key: string, policy: WindowPolicy, now = new Date(), message?: string): Promise<void> {
  const decision = await reserve(db, key, policy, now);
  if (!decision.allowed) throw rateLimitedError(decision, message);
}
