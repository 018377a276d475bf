import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { clearLoginFailures, releaseLoginAttempt, reserveLoginAttempt } from "./login-limits";
import { credentialsSchema } from "./schemas";
import { SIGN_IN_BUSY } from "./sign-in-busy";
import { verifyCredentials } from "./users";

export interface AuthorizedUser {
  id: string;
  name: string;
  role: string;
  sessionVersion: number;
}

/**
 * One sign-in attempt, as NextAuth's credentials provider runs it (and `npm run bench:timing`
 * measures it): null for any failure, so an unknown account and a wrong password look alike.
 */
export async function authorizeCredentials(db: Db, raw: unknown, headers: Record<string, string | string[] | undefined>): Promise<AuthorizedUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { username, password } = parsed.data;
  // Counted before the password is checked, atomically: the route's 429 pre-check can
  // race on several servers, this cannot (lib/auth/login-limits.ts).
  const attempt = await reserveLoginAttempt(db, username, clientIp(headers));
  if (!attempt.allowed) return null;
  const user = await verifyCredentials(db, username, password).catch(async (err: unknown) => {
    if (!(err instanceof AppError && err.code === "unavailable")) throw err;
    // NextAuth turns a thrown message into ?error=…; the route answers it with the 503.
    await releaseLoginAttempt(db, attempt);
    throw new Error(SIGN_IN_BUSY);
  });
  if (!user) return null;
  await clearLoginFailures(db, username, attempt);
  return { id: user.id, name: user.username, role: user.role, sessionVersion: user.sessionVersion };
}
