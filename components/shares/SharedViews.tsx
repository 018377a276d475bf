"use client";
import useSWR from "swr";
import { MatrixViews } from "@/components/collections/MatrixViews";
import { swrFetcher } from "@/components/api/client";
import type { AmrResult } from "@/components/jobs/types";
import { DownloadLinks, RESULT_DOWNLOADS } from "@/components/jobs/DownloadLinks";
import { formatDateTime } from "@/components/jobs/format";
import { GenesTable } from "@/components/jobs/GenesTable";
import { HitMap } from "@/components/jobs/HitMap";
import { PhenotypeSummary } from "@/components/jobs/PhenotypeSummary";
import { StatusBadge } from "@/components/jobs/StatusBadge";
import { isTerminal, type JobStatus } from "@/lib/jobs/status";
import type { SharedView } from "@/lib/shares/dto";

// The read-only pages behind a share link: results and downloads, and no action of any kind.

function Byline({ view }: { view: SharedView }) {
  return (
    <p className="mt-1 text-sm text-slate-500" data-testid="shared-byline">
      Shared read-only{view.owner ? ` by ${view.owner}` : ""}{view.expiresAt ? ` · link expires ${formatDateTime(view.expiresAt)}` : ""}
    </p>
  );
}

export function SharedCollection({ token, initial }: { token: string; initial: Extract<SharedView, { kind: "collection" }> }) {
  return (
    <div className="space-y-6">
      <header>
        <p className="text-xs font-medium uppercase tracking-wide text-teal-800">Collection</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight" data-testid="collection-name">{initial.collection.name}</h1>
        <Byline view={initial} />
      </header>
      <MatrixViews source={{ url: `/api/shares/${token}/matrix` }} />
    </div>
  );
}

export function SharedJob({ token, initial }: { token: string; initial: Extract<SharedView, { kind: "job" }> }) {
  const { data } = useSWR<SharedView>(`/api/shares/${token}`, swrFetcher, {
    fallbackData: initial,
    refreshInterval: (v) => (v?.kind === "job" && !isTerminal(v.job.status) ? 2000 : 0),
  });
  const view = (data?.kind === "job" ? data : initial) as Extract<SharedView, { kind: "job" }>;
  const job = view.job;
  const ready = job.status === "Completed" || job.status === "Archived";
  const result = useSWR<AmrResult>(ready ? `/api/shares/${token}/results?format=json` : null, swrFetcher, { revalidateOnFocus: false });
  return (
    <div className="space-y-6">
      <header>
        <p className="text-xs font-medium uppercase tracking-wide text-teal-800">Genome</p>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
          <span data-testid="job-name">{job.name}</span>
          <StatusBadge status={job.status as JobStatus} />
        </h1>
        <Byline view={view} />
      </header>
      {!ready && <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-600">{isTerminal(job.status) ? "This job has no results." : "The analysis is still running; this page updates by itself."}</p>}
      {ready && (
        <>
          <DownloadLinks url={`/api/shares/${token}/results`} files={RESULT_DOWNLOADS} />
          {result.data ? (
            <>
              <PhenotypeSummary result={result.data} />
              <HitMap result={result.data} />
              <GenesTable genes={result.data.genes} />
            </>
          ) : result.error ? (
            <p role="alert" className="rounded-xl bg-rose-50 p-5 text-sm text-rose-800">Could not load the results: {result.error.message}</p>
          ) : (
            <div className="h-40 animate-pulse rounded-xl bg-slate-100" aria-busy="true" aria-label="Loading results" />
          )}
        </>
      )}
    </div>
  );
}
