import { loadAuthState } from "@/lib/auth/auth-state";
import { toRole, type SessionUser } from "@/lib/auth/session-user";
import { appDb, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { securityEvent } from "@/lib/log/security-events";
import { cachedTokenLookup, noteTokenUse, type TokenRecord } from "./lookup-cache";
import { consumeTokenRequest } from "./rate-limit";
import { hashTokenSecret, isTokenShaped } from "./secret";

/** Logs the refusal (never the secret: the token's id when it is known) and answers null. */
function rejected(reason: "malformed" | "unknown" | "revoked" | "expired" | "owner_disabled", token?: TokenRecord): null {
  securityEvent("auth.token_rejected", { reason, ...(token ? { tokenId: token.id, userId: token.userId } : {}) });
  return null;
}

/** Last use is informative; writing it at most once a minute spares SQLite's single writer. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface TokenIdentity {
  user: SessionUser;
  tokenId: string;
}

function queryToken(db: Db, hash: string): Promise<TokenRecord | null> {
  return db.apiToken.findUnique({
    where: { tokenHash: hash },
    select: { id: true, userId: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
}

/**
 * The owner behind a token secret, or null when it is unknown, revoked, expired, or its owner is
 * gone or disabled. Counts the request against the token's rate limit (429 beyond it). The role
 * comes from the owner's row at this request, as for sessions.
 */
export async function authenticateApiToken(secret: string, db: Db = appDb(), now = new Date()): Promise<TokenIdentity | null> {
  if (!isTokenShaped(secret)) return rejected("malformed");
  const hash = hashTokenSecret(secret);
  const nowMs = now.getTime();
  const token = await cachedTokenLookup(hash, (h) => queryToken(db, h), { ttlMs: getEnv().AUTH_STATE_CACHE_MS, now: nowMs });
  if (!token) return rejected("unknown");
  if (token.revokedAt) return rejected("revoked", token);
  if (token.expiresAt && token.expiresAt.getTime() <= nowMs) return rejected("expired", token);
  const state = await loadAuthState(token.userId, db, nowMs);
  if (!state || state.disabledAt) return rejected("owner_disabled", token);
  consumeTokenRequest(token.id, nowMs);
  if (!token.lastUsedAt || nowMs - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.updateMany({ where: { id: token.id }, data: { lastUsedAt: now } });
    noteTokenUse(hash, now);
  }
  return { user: { id: state.id, username: state.username, role: toRole(state.role) }, tokenId: token.id };
}
