import { describe, expect, it } from "vitest";
import { withAppTestDb } from "../helpers/app-db";
import { routeDirs, routeHandlers } from "../helpers/routes";

// AZ2: every route handler answers 401 without a session, except this allow-list. A new route
// is covered the moment its file exists; making one public means adding it here, in review.
const PUBLIC = new Set([
  "api/health", // liveness for load balancers
  "api/openapi.json", // the API reference (no data, no secrets)
  "api/auth/[...nextauth]", // NextAuth's own (csrf, signin, callback, session, signout)
  "api/auth/register",
  "api/auth/password-reset",
  "api/auth/password-reset/confirm",
  // Share links: the token in the path is the credential (rate-limited, 404 unless it resolves).
  "api/shares/[token]",
  "api/shares/[token]/results",
  "api/shares/[token]/matrix",
]);
// Not session-based, but still closed: a Bearer CRON_SECRET is required, so no credentials → 401.
const BEARER = /^api\/cron\//;

withAppTestDb();
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Values for dynamic segments: [id] → a UUID, [...rest] → ["x"]. */
function paramsFor(route: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const m of route.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) params[m[2]] = m[1] ? ["x"] : "00000000-0000-4000-8000-000000000000";
  return params;
}

const routes = routeDirs();
const guarded = routes.filter((r) => !PUBLIC.has(r));

describe("route inventory (AZ2)", () => {
  it("finds the routes, and every allow-listed one still exists", () => {
    expect(routes.length).toBeGreaterThan(PUBLIC.size);
    for (const r of PUBLIC) expect(routes, r).toContain(r);
  });

  it.each(guarded)("/%s answers 401 to every method without a session", async (route) => {
    const mod = await routeHandlers(route);
    const exported = METHODS.filter((m) => typeof mod[m] === "function");
    expect(exported.length, `${route} exports no handler`).toBeGreaterThan(0);
    const url = `http://localhost:3000/${route.replace(/\[(\.\.\.)?[^\]]+\]/g, "x")}`;
    for (const method of exported) {
      const handler = mod[method]!;
      // x-middleware-subrequest: the CVE-2025-29927 header must not matter to handlers.
      const req = new Request(url, {
        method,
        headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware", "content-type": "application/json" },
        ...(method === "GET" || method === "HEAD" ? {} : { body: "{}" }),
      });
      const res = await handler(req, { params: Promise.resolve(paramsFor(route)) });
      expect(res.status, `${method} /${route}${BEARER.test(route) ? " (Bearer)" : ""}`).toBe(401);
    }
  });
});
