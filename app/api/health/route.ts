// GET /api/health — liveness plus a real database query; 503 when the database is unreachable.
import { appDb } from "@/lib/db";
import { checkHealth } from "@/lib/health";
import { json } from "@/lib/http/json";
import { withRequestId } from "@/lib/log/request-context";

export const dynamic = "force-dynamic";

export const GET = withRequestId(async (_req: Request) => {
  const report = await checkHealth(appDb());
  return json(report, report.status === "ok" ? 200 : 503);
});
