import { POLICIES } from "@/lib/rate-limit/policies";
import { longestWindowMs, pruneEvents } from "@/lib/rate-limit/store";
import type { MaintenanceContext } from "./context";

/** Reset tokens are kept a day past expiry (for support questions), then deleted. */
const RESET_TOKEN_GRACE_MS = 24 * 3600_000;

/**
 * Auth bookkeeping that nothing else deletes: rate-limit events older than any window (one per
 * sign-in failure, reset or registration) and password-reset tokens a day past their expiry.
 * Without this both tables only grow.
 */
export async function pruneAuthRecords(ctx: MaintenanceContext): Promise<number> {
  const events = await pruneEvents(ctx.db, new Date(ctx.now.getTime() - longestWindowMs(POLICIES)), ctx.batchSize);
  let tokens = 0;
  for (;;) {
    const expired = await ctx.db.passwordResetToken.findMany({
      where: { expiresAt: { lt: new Date(ctx.now.getTime() - RESET_TOKEN_GRACE_MS) } },
      select: { id: true },
      take: ctx.batchSize,
    });
    if (expired.length === 0) break;
    tokens += (await ctx.db.passwordResetToken.deleteMany({ where: { id: { in: expired.map((t) => t.id) } } })).count;
    await ctx.heartbeat();
  }
  if (events + tokens > 0) ctx.log(`pruned ${events} rate-limit event(s) and ${tokens} expired reset token(s)`);
  return events + tokens;
}
