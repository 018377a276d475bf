import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { burnVerifyTime, hashPassword, needsRehash, verifyPassword } from "./hashing";
import { passwordProblem, PASSWORD_MAX_BYTES, utf8Length } from "./password-policy";
import { registerSchema, type RegisterInput } from "./schemas";
import { toRole, type Role, type SessionUser } from "./session-user";
import { usernameKey } from "./username";
import { invalidateAuthState } from "./auth-state-cache";

export interface AuthenticatedUser extends SessionUser {
  sessionVersion: number;
}

function fieldConflict(field: string, message: string): AppError {
  return new AppError("conflict", message, { fields: { [field]: message } });
}

function passwordError(message: string): AppError {
  return new AppError("validation_failed", message, { fields: { password: message } });
}

/** Registration and `user:create`: validates, hashes, inserts; 409 when the name or email is taken. */
export async function createUser(db: Db, raw: RegisterInput, role: Role = "user"): Promise<SessionUser> {
  const input = registerSchema.parse(raw);
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw passwordError(problem);
  const key = usernameKey(input.username);
  // Checked first for a clear message; the unique indexes still decide a race (P2002 below).
  const taken = await db.user.findFirst({
    where: { OR: [{ usernameKey: key }, ...(input.email ? [{ email: input.email }] : [])] },
    select: { usernameKey: true },
  });
  if (taken) {
    throw taken.usernameKey === key
      ? fieldConflict("username", "That username is taken.")
      : fieldConflict("email", "An account already uses that email address.");
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { id: crypto.randomUUID(), username: input.username, usernameKey: key, email: input.email ?? null, passwordHash, role },
      select: { id: true, username: true, role: true },
    });
    return { ...user, role: toRole(user.role) };
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw fieldConflict("username", "That username is taken.");
    throw err;
  }
}

/**
 * Sign-in check. Null for unknown user, wrong password and disabled account alike, in about the
 * same time, so neither the answer nor its latency tells whether the username exists.
 */
export async function verifyCredentials(db: Db, username: string, password: string, now = new Date()): Promise<AuthenticatedUser | null> {
  const user = await db.user.findUnique({
    where: { usernameKey: usernameKey(username) },
    select: { id: true, username: true, role: true, passwordHash: true, sessionVersion: true, disabledAt: true },
  });
  // No stored password can be longer (policy), and bcrypt would truncate the compare.
  if (!user || utf8Length(password) > PASSWORD_MAX_BYTES) {
    await burnVerifyTime(password);
    return null;
  }
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok || user.disabledAt) return null;
  const rehash = needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
  await db.user.update({
    where: { id: user.id },
    data: { lastLogin: now, ...(rehash ? { passwordHash: rehash } : {}) },
  });
  return { id: user.id, username: user.username, role: toRole(user.role), sessionVersion: user.sessionVersion };
}

/** Ends every session of the user: tokens carrying an older version are refused from now on. */
export async function revokeSessions(db: Db, userId: string): Promise<number> {
  const user = await db.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  invalidateAuthState(userId);
  return user.sessionVersion;
}

/** Sets a new password and ends every session; returns the new session version. */
export async function setPassword(db: Db, userId: string, newPassword: string): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { username: true } });
  if (!user) throw new AppError("not_found");
  const problem = passwordProblem(newPassword, user.username);
  if (problem) throw passwordError(problem);
  const passwordHash = await hashPassword(newPassword);
  const updated = await db.user.update({
    where: { id: userId },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  invalidateAuthState(userId);
  return updated.sessionVersion;
}

/** The account page's change: the current password must be right (a stolen session is not enough). */
export async function changePassword(db: Db, userId: string, currentPassword: string, newPassword: string): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
    const message = "Your current password is not correct.";
    throw new AppError("validation_failed", message, { fields: { currentPassword: message } });
  }
  return setPassword(db, userId, newPassword);
}

/** No session bump needed: requireUser/requireAdmin read the role from the database per request. */
export async function setRole(db: Db, userId: string, role: Role): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { role } });
  invalidateAuthState(userId);
}

export async function disableUser(db: Db, userId: string, now = new Date()): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { disabledAt: now, sessionVersion: { increment: 1 } } });
  invalidateAuthState(userId);
}

export async function enableUser(db: Db, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { disabledAt: null } });
  invalidateAuthState(userId);
}
