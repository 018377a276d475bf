/** Every status a maintenance run row can hold; the writer and the admin view share this list. */
export const MAINTENANCE_RUN_STATUSES = ["running", "ok", "failed", "skipped"] as const;
export type MaintenanceRunStatus = (typeof MAINTENANCE_RUN_STATUSES)[number];

export function toMaintenanceRunStatus(value: string): MaintenanceRunStatus | "unknown" {
  return (MAINTENANCE_RUN_STATUSES as readonly string[]).includes(value) ? (value as MaintenanceRunStatus) : "unknown";
}
