"use client";
import Link from "next/link";
import { DownloadLinks } from "@/components/jobs/DownloadLinks";
import { ProgressBar } from "@/components/jobs/ProgressBar";
import type { CollectionMatrix } from "@/lib/collections/matrix";
import { GeneMatrix } from "./GeneMatrix";
import { Heatmap } from "./Heatmap";
import { useMatrix } from "./hooks";
import { ResistanceBars } from "./ResistanceBars";

export interface MatrixSource {
  /** The matrix JSON; `?format=` is appended for downloads. */
  url: string;
  /** Where a genome links to (the owner's job page); none on a share page. */
  jobHref?: (jobId: string) => string;
}

/** Everything under a collection's header: progress, downloads, heatmap, gene matrix, bar chart. */
export function MatrixViews({ source }: { source: MatrixSource }) {
  const { data: matrix, error } = useMatrix(source.url);
  if (error) return <p role="alert" className="rounded-xl bg-rose-50 p-5 text-sm text-rose-800">Could not load the collection&apos;s results: {error.message}</p>;
  if (!matrix) return <div className="h-40 animate-pulse rounded-xl bg-slate-100" aria-busy="true" aria-label="Loading the matrix" />;
  if (matrix.counts.total === 0 && matrix.purged.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600" data-testid="collection-empty">
        {source.jobHref ? (
          <>This collection has no genomes yet. Add jobs from the <Link href="/dashboard" className="text-teal-700 underline">dashboard</Link>, choose it when you upload, or use the API (POST /api/collections/&#123;id&#125;/members).</>
        ) : (
          "This collection has no genomes yet."
        )}
      </p>
    );
  }
  return (
    <div className="space-y-6">
      <Progress matrix={matrix} />
      <Notes matrix={matrix} />
      {matrix.rows.length > 0 && <DownloadLinks url={source.url} files={MATRIX_DOWNLOADS} />}
      <Heatmap matrix={matrix} jobHref={source.jobHref} />
      <ResistanceBars matrix={matrix} />
      <GeneMatrix matrix={matrix} />
    </div>
  );
}

function Progress({ matrix }: { matrix: CollectionMatrix }) {
  const c = matrix.counts;
  const finished = c.completed + c.failed + c.cancelled;
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-live="polite">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <p className="font-medium" data-testid="collection-progress">
          {finished} of {c.total} finished{c.running > 0 ? ` · ${c.running} running or queued` : ""}
        </p>
        <p className="text-sm text-slate-600">
          {c.completed} with results{c.failed > 0 && <span className="text-rose-700"> · {c.failed} failed</span>}
          {c.cancelled > 0 && ` · ${c.cancelled} cancelled`}
        </p>
      </div>
      {c.running > 0 && <div className="mt-3"><ProgressBar value={c.total ? (100 * finished) / c.total : 0} label="Collection progress" /></div>}
    </section>
  );
}

function Notes({ matrix }: { matrix: CollectionMatrix }) {
  const failed = matrix.members.filter((m) => m.status === "Error" || m.status === "Cancelled");
  if (failed.length + matrix.unreadable.length + matrix.purged.length === 0) return null;
  const names = (list: { name: string }[]) => list.slice(0, 10).map((m) => m.name).join(", ") + (list.length > 10 ? `, and ${list.length - 10} more` : "");
  return (
    <ul className="space-y-1 rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="collection-notes">
      {failed.length > 0 && <li>{failed.length} genome{failed.length > 1 ? "s have" : " has"} no results (failed or cancelled): {names(failed)}.</li>}
      {matrix.unreadable.length > 0 && <li>Results missing from storage for {names(matrix.unreadable)}; re-run them to bring them back.</li>}
      {matrix.purged.length > 0 && (
        <li data-testid="purged-note">
          {matrix.purged.length} genome{matrix.purged.length > 1 ? "s were" : " was"} deleted by the retention policy and left the matrix: {names(matrix.purged)}.
        </li>
      )}
    </ul>
  );
}

const MATRIX_DOWNLOADS = [
  { format: "xlsx", label: "Workbook (XLSX)" },
  { format: "tsv", label: "Matrix (TSV)" },
  { format: "csv", label: "Matrix (CSV)" },
];
