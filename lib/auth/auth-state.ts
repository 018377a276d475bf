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

/**
 * The single per-request query behind requireUser: one primary-key lookup, as raw SQL because
 * it runs on every authenticated request and Prisma's per-query overhead is several times the
 * query itself (tests/integration/auth-state-query.test.ts compares it with Prisma's result).
 */
export async function queryAuthState(userId: string, db: Db = prisma): Promise<AuthState | null> {
  const rows = await db.$queryRawUnsafe<AuthState[]>(
    `SELECT id, username, role, session_version AS "sessionVersion", disabled_at AS "disabledAt" FROM users WHERE id = ?`,
    userId,
  );
  return rows[0] ?? null;
}

/** queryAuthState behind the short-lived per-process cache (AUTH_STATE_CACHE_MS, default 2 s). */
export function loadAuthState(userId: string, db: Db = prisma, now?: number): Promise<AuthState | null> {
  return cachedAuthState(userId, (id) => queryAuthState(id, db), { ttlMs: getEnv().AUTH_STATE_CACHE_MS, now });
}
