import { sqlOf, type Db } from "@/lib/db";
import { errorFields, log } from "@/lib/log/logger";

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
    log().error(errorFields(err), "health: database check failed");
    return { status: "error", db: "unreachable" };
  }
}
