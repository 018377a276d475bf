// GET /api/cron/maintenance — run retention (archive, purge, stale jobs, orphan files); Bearer CRON_SECRET.
import { getEnv } from "@/lib/env";
import { AppError, toErrorResponse } from "@/lib/errors";
import { json } from "@/lib/http/json";
import { runAppMaintenance } from "@/lib/maintenance/app-deps";
import { bearerMatches } from "@/lib/http/bearer-secret";
import { withRequestId } from "@/lib/log/request-context";
import { securityEvent } from "@/lib/log/security-events";

export const dynamic = "force-dynamic";
// A large backlog can take a while; Vercel caps this at the plan's function limit.
export const maxDuration = 300;

export const GET = withRequestId(async (req: Request): Promise<Response> => {
  try {
    if (!bearerMatches(req.headers.get("authorization"), getEnv().CRON_SECRET)) {
      securityEvent("cron.bad_secret", { hasAuthorization: req.headers.has("authorization"), configured: Boolean(getEnv().CRON_SECRET) });
      throw new AppError("unauthorized", "A valid cron secret is required.", { headers: { "WWW-Authenticate": "Bearer" } });
    }
    const { archived, purged, failedStale, orphansRemoved, missingFiles, durationMs, skipped } = await runAppMaintenance("cron");
    return json({ archived, purged, failedStale, orphansRemoved, missingFiles, durationMs, skipped });
  } catch (err) {
    return toErrorResponse(err);
  }
});
