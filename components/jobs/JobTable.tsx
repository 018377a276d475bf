"use client";
import Link from "next/link";
import { isTerminal, type JobStatus } from "@/lib/jobs/status";
import { retentionLabel } from "@/lib/maintenance/retention-label";
import type { JobSummary } from "./types";
import { formatDuration, formatRelative } from "./format";
import { ProgressBar } from "./ProgressBar";
import { StatusBadge } from "./StatusBadge";

function ProgressCell({ job }: { job: JobSummary }) {
  if (job.status === "Processing" || job.status === "Submitted") {
    return (
      <div className="w-36 space-y-1 sm:w-44">
        <ProgressBar value={job.progress} label={`Progress of ${job.name}`} tone={job.status === "Submitted" ? "slate" : "teal"} />
        <p className="text-xs text-slate-500">
          {job.status === "Submitted"
            ? "Waiting for a worker"
            : `${Math.round(job.progress)}%${job.etaSeconds != null ? ` · ${formatDuration(job.etaSeconds)} left` : ""}`}
        </p>
      </div>
    );
  }
  const retention = retentionLabel(job);
  return (
    <div className="space-y-0.5">
      {job.status === "Error" ? (
        <p className="max-w-xs truncate text-xs text-rose-700" title={job.error ?? ""}>{job.error}</p>
      ) : (
        <p className="text-xs text-slate-500">{job.completedAt ? `finished ${formatRelative(job.completedAt)}` : "—"}</p>
      )}
      {retention && <p className="text-xs text-slate-400" data-testid="job-retention">{retention}</p>}
    </div>
  );
}

/** Row selection: the selected ids and how to change them (absent: no checkboxes). */
export interface JobSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  setAll: (ids: string[], on: boolean) => void;
}

function SelectAll({ jobs, selection }: { jobs: JobSummary[]; selection: JobSelection }) {
  const on = jobs.filter((j) => selection.selected.has(j.id)).length;
  return (
    <input
      type="checkbox"
      aria-label="Select all jobs shown"
      checked={on > 0 && on === jobs.length}
      ref={(el) => {
        if (el) el.indeterminate = on > 0 && on < jobs.length;
      }}
      onChange={(e) => selection.setAll(jobs.map((j) => j.id), e.target.checked)}
      className="h-4 w-4 rounded border-slate-300 accent-teal-700"
    />
  );
}

export function JobTable({ jobs, selection }: { jobs: JobSummary[]; selection?: JobSelection }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {selection && (
              <th scope="col" className="w-8 py-2 pl-4">
                <SelectAll jobs={jobs} selection={selection} />
              </th>
            )}
            <th scope="col" className="px-4 py-2 font-medium">Job</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2 font-medium">Progress</th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Submitted</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {jobs.map((job) => (
            <tr key={job.id} data-testid="job-row" className={selection?.selected.has(job.id) ? "bg-teal-50/60" : "hover:bg-slate-50"}>
              {selection && (
                <td className="py-3 pl-4 align-top">
                  <input
                    type="checkbox"
                    aria-label={`Select ${job.name}`}
                    checked={selection.selected.has(job.id)}
                    onChange={() => selection.toggle(job.id)}
                    className="mt-0.5 h-4 w-4 rounded border-slate-300 accent-teal-700"
                  />
                </td>
              )}
              <td className="max-w-[12rem] px-4 py-3 sm:max-w-xs">
                <Link href={`/jobs/${job.id}`} className="block truncate font-medium text-teal-800 hover:underline">
                  {job.name}
                </Link>
                <span className="text-xs text-slate-500">{job.modelName}</span>
              </td>
              <td className="px-4 py-3"><StatusBadge status={job.status as JobStatus} /></td>
              <td className="px-4 py-3"><ProgressCell job={job} /></td>
              <td className="hidden px-4 py-3 text-xs text-slate-500 sm:table-cell" title={job.createdAt}>
                {formatRelative(job.createdAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function countUnfinished(jobs: JobSummary[]): number {
  return jobs.filter((j) => !isTerminal(j.status)).length;
}
