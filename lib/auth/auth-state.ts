import { prisma, resolveClient, type Db } from "@/lib/db";
import { timedHotGet } from "@/lib/metrics/timed-hot-get";
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

const AUTH_STATE_SQL = `SELECT id, username, role, session_version AS "sessionVersion", disabled_at AS "disabledAt" FROM users WHERE id = ?`;

/**
 * The single per-request query behind requireUser: one primary-key lookup, as a prepared
 * read-only statement (lib/db-hot-read.ts) because it runs on every authenticated request.
 * tests/integration/auth-state-query.test.ts compares it with Prisma's result.
 */
export async function queryAuthState(userId: string, db: Db = prisma): Promise<AuthState | null> {
  const hot = timedHotGet<Omit<AuthState, "disabledAt"> & { disabledAt: string | null }>(resolveClient(db), "User", AUTH_STATE_SQL, userId);
  if (hot !== null) return hot ? { ...hot, disabledAt: hot.disabledAt ? new Date(hot.disabledAt) : null } : null;
  const rows = await db.$queryRawUnsafe<AuthState[]>(AUTH_STATE_SQL, userId);
  return rows[0] ?? null;
}

/** queryAuthState behind the short-lived per-process cache (AUTH_STATE_CACHE_MS, default 2 s). */
export function loadAuthState(userId: string, db: Db = prisma, now?: number): Promise<AuthState | null> {
  return cachedAuthState(userId, (id) => queryAuthState(id, db), { ttlMs: getEnv().AUTH_STATE_CACHE_MS, now });
}
