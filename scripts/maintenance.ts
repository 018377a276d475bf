// `npm run maintenance` — one maintenance run from the shell (same code as the cron route).
import { appDb } from "@/lib/db";
import { runAppMaintenance } from "@/lib/maintenance/app-deps";

try {
  const result = await runAppMaintenance("cli");
  console.log(JSON.stringify(result, null, 2));
  process.exitCode = 0;
} catch (err) {
  console.error("maintenance failed:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await appDb().$disconnect();
}
