import { AppError } from "@/lib/errors";
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

/** For route handlers (and tests calling them with a plain Request): 401 without a live session. */
export async function requireUser(req: Request): Promise<SessionUser> {
  const session = await resolveSession(req.headers.get("cookie"));
  if (!session) throw new AppError("unauthorized");
  return session.user;
}

/** 401 without a session, 403 for a non-admin; the role is the database's at this request. */
export async function requireAdmin(req: Request): Promise<SessionUser> {
  const user = await requireUser(req);
  if (user.role !== "admin") throw new AppError("forbidden");
  return user;
}
