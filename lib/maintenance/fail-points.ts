import { failPoint } from "@/lib/failpoints";

/**
 * Named points between the steps of a run where tests inject a crash, then rerun and check that
 * the state converges. Each name is "after <step>"; production never sets one.
 */
export const FAIL_POINTS = [
  "stale:failed",
  "purge:files-deleted",
  "purge:rows-deleted",
  "archive:files-written",
  "archive:verified",
  "archive:marked",
  "archive:originals-deleted",
  "reconcile:orphans-removed",
] as const;

export type FailPoint = (typeof FAIL_POINTS)[number];

export class InjectedFailure extends Error {
  constructor(readonly point: FailPoint) {
    super(`Injected failure after ${point}`);
    this.name = "InjectedFailure";
  }
}

/**
 * In-process tests pass `failAt` (a throw); process-level tests set AMR_FAILPOINT to the same
 * name, and the process really dies there (lib/failpoints.ts).
 */
export function failPointChecker(failAt: FailPoint | undefined): (point: FailPoint) => void {
  return (point) => {
    failPoint(point);
    if (point === failAt) throw new InjectedFailure(point);
  };
}
