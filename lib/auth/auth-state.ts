import { prisma, type Db } from "@/lib/db";

/** The columns every authenticated request needs; one primary-key lookup. */
export interface AuthState {
  id: string;
  username: string;
  role: string;
  sessionVersion: number;
  disabledAt: Date | null;
}

/**
 * The single per-request query behind requireUser. A short-TTL cache can be slotted in here
 * later; anything that changes these columns already goes through `revokeSessions`/`setRole`.
 */
export function loadAuthState(userId: string, db: Db = prisma): Promise<AuthState | null> {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, role: true, sessionVersion: true, disabledAt: true },
  });
}
