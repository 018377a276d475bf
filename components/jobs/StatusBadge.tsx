import type { JobStatus } from "@/lib/jobs/status";

const STYLES: Record<JobStatus, string> = {
  Submitted: "bg-slate-100 text-slate-700 ring-slate-300",
  Processing: "bg-sky-50 text-sky-800 ring-sky-300",
  Completed: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  Error: "bg-rose-50 text-rose-800 ring-rose-300",
  Cancelled: "bg-amber-50 text-amber-800 ring-amber-300",
  Archived: "bg-violet-50 text-violet-800 ring-violet-300",
};

const LABELS: Record<JobStatus, string> = {
  Submitted: "Queued",
  Processing: "Running",
  Completed: "Completed",
  Error: "Failed",
  Cancelled: "Cancelled",
  Archived: "Archived",
};

export function StatusBadge({ status }: { status: JobStatus }) {
  return (
    <span
      data-testid="job-status"
      data-status={status}
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}
    >
      {status === "Processing" && <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-sky-500" aria-hidden />}
      {LABELS[status]}
    </span>
  );
}
