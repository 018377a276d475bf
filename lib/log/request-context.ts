import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

interface RequestContext {
  requestId: string;
}

// One store per process even when Next bundles this module into several chunks.
const KEY = Symbol.for("amr-predictor.request-context");
const store: AsyncLocalStorage<RequestContext> = ((globalThis as Record<symbol, AsyncLocalStorage<RequestContext>>)[KEY] ??=
  new AsyncLocalStorage<RequestContext>());

// A caller's id (a proxy's or a script's) is kept when it is a plain token: it lands in log lines
// and a response header, so nothing that could break either (spaces, quotes, newlines) is taken.
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export const REQUEST_ID_HEADER = "X-Request-Id";

/** The request's X-Request-Id when it is a sane token, otherwise a new UUID. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && SANE_ID.test(given) ? given : randomUUID();
}

/** The id of the request this code runs for, or undefined outside one (worker, scheduler). */
export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}

/** Runs `fn` with this request id visible to every log line written under it. */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return store.run({ requestId }, fn);
}

/** Binds a callback to the current request context (work deferred past the response). */
export function bindRequestContext<F extends (...args: never[]) => unknown>(fn: F): F {
  return AsyncLocalStorage.bind(fn);
}

/**
 * Wraps a route handler: its log lines carry the request id, and the response echoes it in
 * X-Request-Id, so a user's report ("request 3f2a… failed") leads straight to the lines.
 */
export function withRequestId<R extends Request, A extends unknown[]>(
  handler: (req: R, ...rest: A) => Promise<Response>,
): (req: R, ...rest: A) => Promise<Response> {
  return (req, ...rest) => {
    const requestId = requestIdFrom(req.headers);
    return runWithRequestId(requestId, async () => withHeader(await handler(req, ...rest), requestId));
  };
}

function withHeader(res: Response, requestId: string): Response {
  try {
    res.headers.set(REQUEST_ID_HEADER, requestId);
    return res;
  } catch {
    // Immutable headers (a fetched response passed through): copy it.
    const copy = new Response(res.body, res);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}
