import { isDueForRefresh, issueSessionCookie } from "@/lib/auth/session-cookie";
import { resolveRequest, type RequestIdentity, type ResolvedSession } from "@/lib/auth/require-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError, toErrorResponse } from "@/lib/errors";
import { withRequestId } from "@/lib/log/request-context";
import { observeRequest } from "@/lib/metrics/route-label";
import { assertNotFormEncoded, assertSameOrigin } from "./origin";

type Params = Record<string, string>;
type RouteHandler<P extends Params> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** Slides the session's idle expiry on activity (dashboard polling included); never past authTime + max. */
async function withSlidingCookie(res: Response, session: ResolvedSession): Promise<Response> {
  if (!isDueForRefresh(session.claims) || res.headers.has("set-cookie")) return res;
  try {
    res.headers.append("set-cookie", await issueSessionCookie(session.claims));
  } catch {
    // Immutable headers (e.g. a proxied fetch response): the session just slides next time.
  }
  return res;
}

/** Every wrapped route's latency goes to the metrics registry (admin page, Prometheus); its log lines carry a request id. */
function timed<P extends Params>(inner: RouteHandler<P>): RouteHandler<P> {
  return withRequestId(async (req, ctx) => {
    const startedAt = performance.now();
    const res = await inner(req, ctx);
    observeRequest(req, res.status, startedAt);
    return res;
  });
}

function authed<P extends Params>(
  check: (identity: RequestIdentity) => void,
  handler: (ctx: { req: Request; user: SessionUser; params: P }) => Promise<Response>,
): RouteHandler<P> {
  return timed(async (req, ctx) => {
    try {
      assertSameOrigin(req);
      assertNotFormEncoded(req);
      const identity = await resolveRequest(req);
      if (!identity) throw new AppError("unauthorized", undefined, { headers: { "WWW-Authenticate": "Bearer" } });
      check(identity);
      const res = await handler({ req, user: identity.user, params: await ctx.params });
      return identity.via === "session" ? await withSlidingCookie(res, identity) : res;
    } catch (err) {
      return toErrorResponse(err);
    }
  });
}

/** Route handler for signed-in users or API tokens: identity (401), same-origin for mutations (403), errors mapped. */
export function withUser<P extends Params = Params>(
  handler: (ctx: { req: Request; user: SessionUser; params: P }) => Promise<Response>,
): RouteHandler<P> {
  return authed(() => undefined, handler);
}

/** As withUser, and 403 unless the database says the user is an admin right now. */
export function withAdmin<P extends Params = Params>(
  handler: (ctx: { req: Request; user: SessionUser; params: P }) => Promise<Response>,
): RouteHandler<P> {
  return authed(({ user }) => {
    if (user.role !== "admin") throw new AppError("forbidden");
  }, handler);
}

/** As withUser, but a browser session only: 403 for an API token (a token cannot mint or revoke tokens). */
export function withSessionUser<P extends Params = Params>(
  handler: (ctx: { req: Request; user: SessionUser; params: P }) => Promise<Response>,
): RouteHandler<P> {
  return authed(({ via }) => {
    if (via !== "session") throw new AppError("forbidden", "This needs a signed-in browser session; an API token cannot do it.");
  }, handler);
}

/** Public routes (register, reset): the same-origin check for mutations and error mapping only. */
export function withErrors<P extends Params = Params>(
  handler: (ctx: { req: Request; params: P }) => Promise<Response>,
): RouteHandler<P> {
  return timed(async (req, ctx) => {
    try {
      assertSameOrigin(req);
      assertNotFormEncoded(req);
      return await handler({ req, params: await ctx.params });
    } catch (err) {
      return toErrorResponse(err);
    }
  });
}
