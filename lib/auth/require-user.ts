import { authenticateApiToken } from "@/lib/api-tokens/authenticate";
import { bearerFromHeader } from "@/lib/api-tokens/secret";
import { AppError } from "@/lib/errors";
import { securityEvent } from "@/lib/log/security-events";
import { loadAuthState } from "./auth-state";
import { readSessionToken, sessionTokenFromCookieHeader, type SessionClaims } from "./session-token";
import { toRole, type SessionUser } from "./session-user";

export interface ResolvedSession {
  user: SessionUser;
  claims: SessionClaims;
}

/**
 * The session behind a Cookie header, or null. Checks, in order: the token decrypts with our
 * secret and is unexpired, the absolute lifetime, then one query: the user exists, is not
 * disabled, and still has the token's session version. The role comes from that row, never
 * from the token.
 */
export async function resolveSession(cookieHeader: string | null): Promise<ResolvedSession | null> {
  const token = sessionTokenFromCookieHeader(cookieHeader);
  if (!token) return null;
  const claims = await readSessionToken(token);
  if (!claims) return null;
  const state = await loadAuthState(claims.sub);
  if (!state || state.disabledAt || state.sessionVersion !== claims.sv) return null;
  return { user: { id: state.id, username: state.username, role: toRole(state.role) }, claims };
}

/** Who sent a request: a browser session (cookie) or a personal API token (Bearer). */
export type RequestIdentity =
  | ({ via: "session" } & ResolvedSession)
  | { via: "token"; user: SessionUser; tokenId: string };

/**
 * A request with `Authorization: Bearer` is judged by its token alone (a bad token is 401, never
 * a fallback to a cookie sent along); otherwise by its session cookie. 429 when a token is over
 * its rate limit.
 */
export async function resolveRequest(req: Request): Promise<RequestIdentity | null> {
  const bearer = bearerFromHeader(req.headers.get("authorization"));
  if (bearer !== null) {
    if (!bearer) securityEvent("auth.token_rejected", { reason: "malformed" });
    const token = bearer ? await authenticateApiToken(bearer) : null;
    return token ? { via: "token", ...token } : null;
  }
  const session = await resolveSession(req.headers.get("cookie"));
  return session ? { via: "session", ...session } : null;
}

/** For route handlers (and tests calling them with a plain Request): 401 without a live session or token. */
export async function requireUser(req: Request): Promise<SessionUser> {
  const identity = await resolveRequest(req);
  if (!identity) throw new AppError("unauthorized");
  return identity.user;
}

/** 401 without a session, 403 for a non-admin; the role is the database's at this request. */
export async function requireAdmin(req: Request): Promise<SessionUser> {
  const user = await requireUser(req);
  if (user.role !== "admin") throw new AppError("forbidden");
  return user;
}
