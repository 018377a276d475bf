import type { Db } from "@/lib/db";
import { fingerprint, securityEvent } from "@/lib/log/security-events";
import { limitKeys, POLICIES } from "@/lib/rate-limit/policies";
import { checkLimit, clearEvents, forgetEvent, reserve } from "@/lib/rate-limit/store";
import type { WindowDecision } from "@/lib/rate-limit/window";
import { usernameKey } from "./username";

// Keys use the name as typed (lower-cased), whether or not the account exists: an unknown name
// locks exactly like a known one, so a 429 reveals nothing either.

/** The blocking decision with the longer wait, or null when this sign-in may be tried (a read, for the 429). */
export async function loginBlocked(db: Db, username: string, ip: string, now = new Date()): Promise<WindowDecision | null> {
  const [account, address] = await Promise.all([
    checkLimit(db, limitKeys.loginAccount(usernameKey(username)), POLICIES.loginPerAccount, now),
    checkLimit(db, limitKeys.loginIp(ip), POLICIES.loginPerIp, now),
  ]);
  const blocked = [account, address].filter((d) => !d.allowed);
  if (blocked.length === 0) return null;
  return blocked.reduce((a, b) => (a.retryAfterSeconds >= b.retryAfterSeconds ? a : b));
}

export interface LoginAttempt {
  allowed: boolean;
  /** The IP's event, taken back if the password turns out right (successes do not count). */
  ipEventId: number | null;
  /** The account's event, taken back (with the IP's) when the password could not be checked at all. */
  accountEventId?: number | null;
}

/**
 * Counts this attempt as a failure before the password is checked, atomically per key: of many
 * concurrent attempts on any number of servers, only as many as the window allows get their
 * password verified. A success then takes its events back (clearLoginFailures).
 */
export async function reserveLoginAttempt(db: Db, username: string, ip: string, now = new Date()): Promise<LoginAttempt> {
  const account = await reserve(db, limitKeys.loginAccount(usernameKey(username)), POLICIES.loginPerAccount, now);
  if (!account.allowed) return { allowed: false, ipEventId: null };
  const address = await reserve(db, limitKeys.loginIp(ip), POLICIES.loginPerIp, now);
  if (!address.allowed) {
    if (account.eventId !== null) await forgetEvent(db, account.eventId);
    return { allowed: false, ipEventId: null };
  }
  if (account.count === POLICIES.loginPerAccount.limit) {
    // Logged once per lockout (the count only reaches the limit once per window).
    securityEvent("auth.login_locked", { account: fingerprint(usernameKey(username)), ip }, "sign-in locked for this account after this attempt if it fails");
  }
  return { allowed: true, ipEventId: address.eventId, accountEventId: account.eventId };
}

/** The password was never checked (the hashing threads were saturated): the attempt does not count. */
export async function releaseLoginAttempt(db: Db, attempt: LoginAttempt): Promise<void> {
  for (const id of [attempt.accountEventId, attempt.ipEventId]) if (id != null) await forgetEvent(db, id);
}

/** A successful sign-in forgives the account's earlier mistakes (not the IP's) and does not count itself. */
export async function clearLoginFailures(db: Db, username: string, attempt?: LoginAttempt): Promise<void> {
  await clearEvents(db, limitKeys.loginAccount(usernameKey(username)));
  if (attempt?.ipEventId != null) await forgetEvent(db, attempt.ipEventId);
}
