import { sqlOf, type Db } from "@/lib/db";

export interface HealthReport {
  status: "ok" | "error";
  db: "ok" | "unreachable";
}

/** A real round trip to the database, not just "the process is up". */
export async function checkHealth(db: Db): Promise<HealthReport> {
  try {
    await sqlOf(db).ping();
    return { status: "ok", db: "ok" };
  } catch (err) {
    console.error("[health] database check failed:", err instanceof Error ? err.message : err);
    return { status: "error", db: "unreachable" };
  }
}
