export const JOB_STATUSES = ["Submitted", "Processing", "Completed", "Error", "Cancelled", "Archived"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** States a worker will never touch again; the retention policy owns them. */
export const FINISHED_STATUSES: readonly JobStatus[] = ["Completed", "Error", "Cancelled"];
/** States from which nothing moves but deletion. */
export const TERMINAL_STATUSES: readonly JobStatus[] = [...FINISHED_STATUSES, "Archived"];

const TRANSITIONS: Record<JobStatus, readonly JobStatus[]> = {
  Submitted: ["Processing", "Cancelled", "Error"],
  // Back to Submitted when a lease expires and attempts remain.
  Processing: ["Completed", "Error", "Cancelled", "Submitted"],
  Completed: ["Archived"],
  Error: ["Archived"],
  Cancelled: ["Archived"],
  Archived: [],
};

export function isJobStatus(value: string): value is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(value);
}

export function isTerminal(status: string): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
