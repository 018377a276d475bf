import type { Db } from "@/lib/db";

export interface HealthReport {
  status: "ok" | "error";
  db: "ok" | "unreachable";
}

/** A real round trip to SQLite, not just "the process is up". */
export async function checkHealth(db: Db): Promise<HealthReport> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { status: "ok", db: "ok" };
  } catch (err) {
    console.error("[health] database check failed:", err instanceof Error ? err.message : err);
    return { status: "error", db: "unreachable" };
  }
}
