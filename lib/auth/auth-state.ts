import { prisma, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { cachedAuthState } from "./auth-state-cache";

/** The columns every authenticated request needs; one primary-key lookup. */
export interface AuthState {
  id: string;
  username: string;
  role: string;
  sessionVersion: number;
  disabledAt: Date | null;
}

/** The single per-request query behind requireUser: one primary-key lookup. */
export function queryAuthState(userId: string, db: Db = prisma): Promise<AuthState | null> {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, role: true, sessionVersion: true, disabledAt: true },
  });
}

/** queryAuthState behind the short-lived per-process cache (AUTH_STATE_CACHE_MS, default 2 s). */
export function loadAuthState(userId: string, db: Db = prisma, now?: number): Promise<AuthState | null> {
  return cachedAuthState(userId, (id) => queryAuthState(id, db), { ttlMs: getEnv().AUTH_STATE_CACHE_MS, now });
}
