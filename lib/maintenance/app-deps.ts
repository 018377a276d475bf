import { appDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getStorage } from "@/lib/storage";
import { retentionPolicy } from "./policy";
import { runMaintenance, type MaintenanceResult, type MaintenanceTrigger } from "./run-maintenance";

/** The production wiring: the application's database, storage and configured policy. */
export function runAppMaintenance(trigger: MaintenanceTrigger): Promise<MaintenanceResult> {
  return runMaintenance({ db: appDb(), storage: getStorage(), policy: retentionPolicy(), trigger, lockTtlMs: getEnv().MAINTENANCE_LOCK_TTL_MS });
}
