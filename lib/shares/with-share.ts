import { appDb } from "@/lib/db";
import { withErrors } from "@/lib/http/with-user";
import { openShare, SHARE_HEADERS } from "./access";
import type { ShareTarget } from "./resolve";
import { shareTokenParamSchema } from "./schemas";

type ShareRoute = (req: Request, ctx: { params: Promise<{ token: string }> }) => Promise<Response>;

/**
 * Public route handler for /api/shares/:token/…: rate-limited, resolved to exactly the link's
 * target, and every answer (404s included) carries noindex and no-referrer.
 */
export function withShare(handler: (ctx: { req: Request; target: ShareTarget }) => Promise<Response>): ShareRoute {
  const inner = withErrors<{ token: string }>(async ({ req, params }) => {
    const { token } = shareTokenParamSchema.parse(params);
    return handler({ req, target: await openShare(appDb(), req.headers, token) });
  });
  return async (req, ctx) => {
    const res = await inner(req, ctx);
    for (const [name, value] of Object.entries(SHARE_HEADERS)) res.headers.set(name, value);
    return res;
  };
}
