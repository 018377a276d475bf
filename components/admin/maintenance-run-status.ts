import type { MaintenanceRunStatus } from "@/lib/maintenance/run-status";

/** How the admin table shows each run status: a word people read and a colour that agrees with it. */
export const RUN_STATUS_VIEW: Record<MaintenanceRunStatus | "unknown", { label: string; className: string }> = {
  ok: { label: "succeeded", className: "text-emerald-700" },
  failed: { label: "failed", className: "text-rose-700" },
  skipped: { label: "skipped (another run held the lock)", className: "text-slate-500" },
  running: { label: "running", className: "text-sky-700" },
  unknown: { label: "unknown", className: "text-amber-700" },
};
