import { appDb, sqlOf, type Db } from "@/lib/db";
import type { AuthStateRow } from "@/lib/db/port";
import { getEnv } from "@/lib/env";
import { cachedAuthState } from "./auth-state-cache";

/** The columns every authenticated request needs; one primary-key lookup. */
export type AuthState = AuthStateRow;

/**
 * The single per-request query behind requireUser: one primary-key lookup, prepared once on the
 * client's own connection (lib/db/port.ts) because it runs on every authenticated request.
 * tests/integration/auth-state-query.test.ts compares it with Prisma's result.
 */
export function queryAuthState(userId: string, db: Db = appDb()): Promise<AuthState | null> {
  return sqlOf(db).authState(userId);
}

/** queryAuthState behind the short-lived per-process cache (AUTH_STATE_CACHE_MS, default 2 s). */
export function loadAuthState(userId: string, db: Db = appDb(), now?: number): Promise<AuthState | null> {
  return cachedAuthState(userId, (id) => queryAuthState(id, db), { ttlMs: getEnv().AUTH_STATE_CACHE_MS, now });
}
