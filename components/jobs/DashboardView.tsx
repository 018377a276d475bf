"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { JOB_STATUSES } from "@/lib/jobs/status";
import { useJobs } from "./hooks";
import { JobSelectionBar } from "./JobSelectionBar";
import { countUnfinished, JobTable, type JobSelection } from "./JobTable";
import { UploadCard } from "./UploadCard";

const FILTERS = [{ value: "", label: "All" }, ...JOB_STATUSES.map((s) => ({ value: s, label: s === "Submitted" ? "Queued" : s === "Processing" ? "Running" : s }))];

export function DashboardView() {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const { data, error, isLoading, size, setSize, mutate, isValidating } = useJobs(status || undefined);
  const jobs = data?.flatMap((p) => p.items) ?? [];
  const hasMore = Boolean(data?.[data.length - 1]?.nextCursor);
  const unfinished = countUnfinished(jobs);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selection: JobSelection = {
    selected,
    toggle: (id) =>
      setSelected((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    setAll: (ids, on) =>
      setSelected((s) => {
        const next = new Set(s);
        for (const id of ids) if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
  };
  // Only jobs still listed can be acted on (a filter change or a deletion drops the others).
  const selectedIds = jobs.filter((j) => selected.has(j.id)).map((j) => j.id);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <UploadCard onCreated={() => void mutate()} onOpen={(id) => router.push(`/jobs/${id}`)} />
      <section className="rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="jobs-title">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
          <div>
            <h2 id="jobs-title" className="text-base font-semibold">Your jobs</h2>
            <p className="text-xs text-slate-500" aria-live="polite">
              {unfinished > 0 ? `${unfinished} in progress · updating live` : "All jobs finished"}
            </p>
          </div>
          <label className="flex items-center gap-2 text-sm text-slate-600">
            Show
            <select
              value={status}
              onChange={(e) => {
                setStatus(e.target.value);
                setSelected(new Set());
              }}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            >
              {FILTERS.map((f) => (
                <option key={f.value} value={f.value}>{f.label}</option>
              ))}
            </select>
          </label>
        </div>

        {error ? (
          <div role="alert" className="m-4 rounded-md bg-rose-50 p-4 text-sm text-rose-800">
            Could not load your jobs: {error.message}{" "}
            <button className="font-medium underline" onClick={() => void mutate()}>Try again</button>
          </div>
        ) : isLoading ? (
          <div className="space-y-3 p-4" aria-busy="true" aria-label="Loading jobs">
            {[0, 1, 2].map((i) => <div key={i} className="h-10 animate-pulse rounded bg-slate-100" />)}
          </div>
        ) : jobs.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-6 py-16 text-center" data-testid="empty-state">
            <svg aria-hidden viewBox="0 0 24 24" className="h-10 w-10 text-slate-300" fill="none" stroke="currentColor" strokeWidth={1.5}>
              <path d="M9 3h6m-5 0v6L4.5 18.5A1.6 1.6 0 0 0 5.9 21h12.2a1.6 1.6 0 0 0 1.4-2.5L14 9V3" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <p className="font-medium text-slate-700">{status ? "No jobs with this status" : "No analyses yet"}</p>
            <p className="max-w-sm text-sm text-slate-500">
              {status
                ? "Choose another filter to see the rest of your jobs."
                : "Upload genome assemblies (one, several, or a whole folder) with the New analysis form. You will see each job's progress here, and its resistance profile when it finishes."}
            </p>
          </div>
        ) : (
          <>
            <JobSelectionBar selected={selectedIds} onClear={() => setSelected(new Set())} />
            <JobTable jobs={jobs} selection={selection} />
            {hasMore && (
              <div className="border-t border-slate-100 p-3 text-center">
                <button
                  onClick={() => void setSize(size + 1)}
                  disabled={isValidating}
                  className="rounded-md px-3 py-1.5 text-sm font-medium text-teal-800 hover:bg-teal-50 disabled:opacity-50"
                >
                  {isValidating ? "Loading…" : "Show older jobs"}
                </button>
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}
