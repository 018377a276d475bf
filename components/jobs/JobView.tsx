"use client";
import Link from "next/link";
import { isTerminal, type JobStatus } from "@/lib/jobs/status";
import { retentionLabel } from "@/lib/maintenance/retention-label";
import type { JobDetail } from "./types";
import { formatBytes } from "@/lib/units";
import { DownloadLinks, RESULT_DOWNLOADS } from "./DownloadLinks";
import { formatBases, formatDateTime, formatDuration } from "./format";
import { GenesTable } from "./GenesTable";
import { HitMap } from "./HitMap";
import { useJob, useJobResult } from "./hooks";
import { ShareButton } from "@/components/shares/ShareButton";
import { JobActions } from "./JobActions";
import { PhenotypeSummary } from "./PhenotypeSummary";
import { ProgressBar } from "./ProgressBar";
import { StatusBadge } from "./StatusBadge";

const PHASES: Record<string, string> = {
  queued: "Waiting for a worker",
  reading: "Reading the genome",
  loading: "Loading the resistance database",
  indexing: "Loading the resistance database",
  searching: "Searching both strands",
  resolving: "Resolving overlapping hits",
  done: "Done",
};

export function JobView({ id }: { id: string }) {
  const { data: job, error, mutate } = useJob(id);
  const ready = job?.status === "Completed" || job?.status === "Archived";
  const result = useJobResult(id, ready);

  if (error) {
    return (
      <div role="alert" className="rounded-xl border border-rose-200 bg-rose-50 p-6 text-rose-900">
        <p className="font-medium">{error.status === 404 ? "This job does not exist or is not yours." : `Could not load the job: ${error.message}`}</p>
        <Link href="/dashboard" className="mt-2 inline-block text-sm underline">Back to the dashboard</Link>
      </div>
    );
  }
  if (!job) return <div className="h-40 animate-pulse rounded-xl bg-slate-100" aria-busy="true" aria-label="Loading job" />;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <Link href="/dashboard" className="text-sm text-teal-800 hover:underline">← All jobs</Link>
          <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            <span className="truncate" data-testid="job-name">{job.name}</span>
            <StatusBadge status={job.status as JobStatus} />
          </h1>
          <p className="mt-1 text-sm text-slate-500">Submitted {formatDateTime(job.createdAt)}{job.completedAt && ` · finished ${formatDateTime(job.completedAt)}`}</p>
          <RetentionNote job={job} />
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <ShareButton target={{ jobId: job.id }} />
          <JobActions job={job} onChanged={() => void mutate()} />
        </div>
      </header>

      {!isTerminal(job.status) && <RunningCard job={job} />}
      {job.status === "Error" && (
        <div role="alert" className="rounded-xl border border-rose-200 bg-rose-50 p-5">
          <p className="font-medium text-rose-900">The analysis failed</p>
          <p className="mt-1 text-sm text-rose-800" data-testid="job-error">{job.error}</p>
        </div>
      )}
      {job.status === "Cancelled" && (
        <p className="rounded-xl border border-amber-200 bg-amber-50 p-5 text-sm text-amber-900">This job was cancelled; it has no results. Use Re-run to start it again.</p>
      )}

      {ready && (
        <>
          <DownloadLinks url={`/api/jobs/${job.id}/results`} files={RESULT_DOWNLOADS} />
          {result.error ? (
            <p role="alert" className="rounded-xl bg-rose-50 p-5 text-sm text-rose-800">Could not load the results: {result.error.message}</p>
          ) : !result.data ? (
            <div className="h-40 animate-pulse rounded-xl bg-slate-100" aria-busy="true" aria-label="Loading results" />
          ) : (
            <>
              <PhenotypeSummary result={result.data} />
              <HitMap result={result.data} />
              <GenesTable genes={result.data.genes} />
            </>
          )}
        </>
      )}
      <Details job={job} />
    </div>
  );
}

function RetentionNote({ job }: { job: JobDetail }) {
  const label = retentionLabel(job);
  if (!label) return null;
  const detail = [
    job.archiveAt && job.status !== "Archived" ? `Archived ${formatDateTime(job.archiveAt)}` : null,
    job.deleteAt ? `deleted ${formatDateTime(job.deleteAt)}` : null,
  ].filter(Boolean).join(", ");
  return (
    <p className="mt-1 text-sm text-slate-500" data-testid="job-retention" title={detail}>
      {job.status === "Archived" ? "Archived: results are kept compressed and still download. " : ""}This job will be {label}.
    </p>
  );
}

function RunningCard({ job }: { job: JobDetail }) {
  const info = job.progressInfo;
  const phase = job.retryAt
    ? `Retrying after a temporary failure, not before ${formatDateTime(job.retryAt)}`
    : job.status === "Submitted"
      ? "Waiting for a worker"
      : PHASES[info.phase ?? ""] ?? "Starting";
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-live="polite">
      <div className="flex items-baseline justify-between gap-3">
        <p className="font-medium">{job.cancelRequested ? "Cancelling…" : phase}</p>
        <p className="text-sm tabular-nums text-slate-600" data-testid="progress-percent">{Math.round(job.progress)}%</p>
      </div>
      <div className="mt-3"><ProgressBar value={job.progress} label="Analysis progress" tone={job.status === "Submitted" ? "slate" : "teal"} /></div>
      {job.retryAt && job.error && <p className="mt-2 text-sm text-amber-800" data-testid="job-retry">{job.error}</p>}
      <p className="mt-2 text-xs text-slate-500">
        {[
          info.segmentsTotal ? `Segment ${info.segmentsDone ?? 0} of ${info.segmentsTotal}` : null,
          info.basesTotal && info.basesDone ? `${formatBases(info.basesDone)} of ${formatBases(info.basesTotal)}` : null,
          job.etaSeconds != null && job.status === "Processing" ? `about ${formatDuration(job.etaSeconds)} left` : null,
        ]
          .filter(Boolean)
          .join(" · ") || "\u00a0"}
      </p>
    </section>
  );
}

function Details({ job }: { job: JobDetail }) {
  const p = job.params;
  const rows: [string, string][] = [
    ["Input file", job.input ? `${job.input.fileName} (${formatBytes(job.input.sizeBytes)})` : "—"],
    ["Genome", job.input ? `${job.input.contigs.toLocaleString()} contigs, ${formatBases(job.input.bases)}` : "—"],
    ["SHA-256", job.input?.sha256 ? job.input.sha256 : "—"],
    ["Model", p?.modelName ?? "—"],
    ["Thresholds", p ? `identity ≥ ${p.minIdentity}%, coverage ≥ ${p.minCoverage}%` : "—"],
    ["Segments", p ? `${p.segmentLength.toLocaleString()} bp, overlap ${p.segmentOverlap}, batches of ${p.batchSize}` : "—"],
  ];
  return (
    <section aria-labelledby="details-title" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="details-title" className="text-base font-semibold">Input and parameters</h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="break-all text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
