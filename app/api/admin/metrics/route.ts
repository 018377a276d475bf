// GET /api/admin/metrics — database and route timings, job counts, queue depth, engine throughput (admins).
import { appDb } from "@/lib/db";
import { json } from "@/lib/http/json";
import { withAdmin } from "@/lib/http/with-user";
import { metricsSnapshot } from "@/lib/metrics/snapshot";

export const dynamic = "force-dynamic";

export const GET = withAdmin(async () => json(await metricsSnapshot(appDb())));
