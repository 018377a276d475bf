// GET /api/admin/maintenance?limit= — the latest maintenance runs (admins only).
import { z } from "zod";
import { appDb } from "@/lib/db";
import { json } from "@/lib/http/json";
import { withAdmin } from "@/lib/http/with-user";
import { listMaintenanceRuns } from "@/lib/maintenance/runs";

export const dynamic = "force-dynamic";

const querySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const GET = withAdmin(async ({ req }) => {
  const { limit } = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return json({ items: await listMaintenanceRuns(appDb(), limit) });
});
