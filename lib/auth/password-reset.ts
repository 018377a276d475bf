import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { runAfterResponse } from "@/lib/http/after-response";
import { fingerprint, securityEvent } from "@/lib/log/security-events";
import { resetMail } from "@/lib/mail/reset-mail";
import { sendMail } from "@/lib/mail/transport";
import { limitKeys, POLICIES } from "@/lib/rate-limit/policies";
import { consume } from "@/lib/rate-limit/store";
import { hashPassword } from "./hashing";
import { passwordProblem } from "./password-policy";
import { generateResetToken, hashResetToken, isResetTokenLive } from "./reset-token";
import { invalidateAuthState } from "./auth-state-cache";

const INVALID = "This reset link is invalid, expired or already used. Request a new one.";

/** The one 202 body, for known and unknown addresses alike. */
export function resetAcceptedBody() {
  const ttl = getEnv().RESET_TOKEN_TTL_MINUTES;
  return { message: `If an account uses that address, a reset link is on its way. It works once, within ${ttl} minutes.` };
}

/** Links point at the configured origin, never at the request's Host header (AS5). */
export function resetLink(token: string): string {
  const base = getEnv().NEXTAUTH_URL ?? "http://localhost:3000";
  return new URL(`/reset-password?token=${token}`, base).toString();
}

/** Issues a token and mails it; voids the user's earlier tokens. */
async function issueAndSend(db: Db, user: { id: string; email: string }, now: Date): Promise<void> {
  const ttl = getEnv().RESET_TOKEN_TTL_MINUTES;
  const token = generateResetToken();
  await db.$transaction([
    db.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } }),
    db.passwordResetToken.create({
      data: { id: crypto.randomUUID(), userId: user.id, tokenHash: hashResetToken(token), expiresAt: new Date(now.getTime() + ttl * 60_000), createdAt: now },
    }),
  ]);
  await sendMail(resetMail(user.email, resetLink(token), ttl));
}

/**
 * The request step. Known and unknown addresses do the same work before the response (limit
 * check, one lookup); token and mail happen after it, so neither the answer nor its timing
 * says whether the address has an account. The limits count per address and per IP either way.
 */
export async function requestPasswordReset(db: Db, email: string, ip: string, now = new Date()): Promise<void> {
  const message = "Too many reset requests. Try again later.";
  try {
    await consume(db, limitKeys.resetAddress(email), POLICIES.resetPerAddress, now, message);
    await consume(db, limitKeys.resetIp(ip), POLICIES.resetPerIp, now, message);
  } catch (err) {
    if (err instanceof AppError && err.code === "rate_limited") securityEvent("auth.reset_rate_limited", { address: fingerprint(email), ip });
    throw err;
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, disabledAt: true } });
  if (user?.email && !user.disabledAt) {
    const target = { id: user.id, email: user.email };
    runAfterResponse(() => issueAndSend(db, target, now));
  } else {
    securityEvent("auth.reset_unknown_account", { address: fingerprint(email), ip, disabled: Boolean(user) });
  }
}

/** The confirm step: single use (compare-and-set on used_at), then new password and all sessions ended. */
export async function confirmPasswordReset(db: Db, token: string, newPassword: string, now = new Date()): Promise<void> {
  const tokenHash = hashResetToken(token);
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, expiresAt: true, usedAt: true, user: { select: { username: true, disabledAt: true } } },
  });
  if (!row || !isResetTokenLive(row, now) || row.user.disabledAt) throw new AppError("bad_request", INVALID);
  const problem = passwordProblem(newPassword, row.user.username);
  if (problem) throw new AppError("validation_failed", problem, { fields: { password: problem } });
  // Hash before the transaction: SQLite holds its single write lock for the transaction's length.
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    const used = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count !== 1) throw new AppError("bad_request", INVALID);
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
  });
  invalidateAuthState(row.userId);
}
