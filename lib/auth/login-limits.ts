import type { Db } from "@/lib/db";
import { limitKeys, POLICIES } from "@/lib/rate-limit/policies";
import { checkLimit, clearEvents, recordEvent } from "@/lib/rate-limit/store";
import type { WindowDecision } from "@/lib/rate-limit/window";
import { usernameKey } from "./username";

// Keys use the name as typed (lower-cased), whether or not the account exists: an unknown name
// locks exactly like a known one, so a 429 reveals nothing either.

/** The blocking decision with the longer wait, or null when this sign-in may be tried. */
export async function loginBlocked(db: Db, username: string, ip: string, now = new Date()): Promise<WindowDecision | null> {
  const [account, address] = await Promise.all([
    checkLimit(db, limitKeys.loginAccount(usernameKey(username)), POLICIES.loginPerAccount, now),
    checkLimit(db, limitKeys.loginIp(ip), POLICIES.loginPerIp, now),
  ]);
  const blocked = [account, address].filter((d) => !d.allowed);
  if (blocked.length === 0) return null;
  return blocked.reduce((a, b) => (a.retryAfterSeconds >= b.retryAfterSeconds ? a : b));
}

export async function recordLoginFailure(db: Db, username: string, ip: string, now = new Date()): Promise<void> {
  const accountKey = limitKeys.loginAccount(usernameKey(username));
  await recordEvent(db, accountKey, POLICIES.loginPerAccount, now);
  await recordEvent(db, limitKeys.loginIp(ip), POLICIES.loginPerIp, now);
  const after = await checkLimit(db, accountKey, POLICIES.loginPerAccount, now);
  if (!after.allowed && after.count === POLICIES.loginPerAccount.limit) {
    // Logged once per lockout (the count only reaches the limit once per window).
    console.warn(`[auth] sign-in locked for ${JSON.stringify(usernameKey(username).slice(0, 32))} from ${ip} for ${after.retryAfterSeconds} s`);
  }
}

/** A successful sign-in forgives the account's earlier mistakes (not the IP's). */
export async function clearLoginFailures(db: Db, username: string): Promise<void> {
  await clearEvents(db, limitKeys.loginAccount(usernameKey(username)));
}
