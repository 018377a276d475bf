// GET /api/metrics — Prometheus text format, for a scraper holding METRICS_TOKEN.
import { appDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError, toErrorResponse } from "@/lib/errors";
import { bearerMatches } from "@/lib/http/bearer-secret";
import { withRequestId } from "@/lib/log/request-context";
import { securityEvent } from "@/lib/log/security-events";
import { prometheusText } from "@/lib/metrics/prometheus";

export const dynamic = "force-dynamic";

export const GET = withRequestId(async (req: Request) => {
  try {
    if (!bearerMatches(req.headers.get("authorization"), getEnv().METRICS_TOKEN)) {
      securityEvent("metrics.bad_token", { hasAuthorization: req.headers.has("authorization"), configured: Boolean(getEnv().METRICS_TOKEN) });
      throw new AppError("unauthorized", "A valid metrics token is required.");
    }
    const { body, contentType } = await prometheusText(appDb());
    return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
});
