import type { MaintenanceRunSummary } from "@/lib/maintenance/runs";
import { formatDuration, formatRelative } from "@/components/jobs/format";
import { RUN_STATUS_VIEW } from "./maintenance-run-status";

/** The latest maintenance runs: when, what triggered them, what they did. */
export function MaintenanceRuns({ runs }: { runs: MaintenanceRunSummary[] }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Maintenance runs">
      <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold">Last maintenance runs</h2>
      {runs.length === 0 ? (
        <p className="p-4 text-sm text-slate-500">
          No maintenance run yet. The scheduler runs it daily; <code className="rounded bg-slate-100 px-1">npm run maintenance</code> runs it now.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                {["Started", "Trigger", "Status", "Took", "Archived", "Purged", "Failed stale", "Orphans", "Missing files"].map((h) => (
                  <th key={h} className="px-4 py-2 text-left font-medium">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {runs.map((r) => (
                <tr key={r.id} title={r.error ?? undefined}>
                  <td className="px-4 py-1.5">{formatRelative(r.startedAt)}</td>
                  <td className="px-4 py-1.5">{r.trigger}</td>
                  <td className={`px-4 py-1.5 font-medium ${RUN_STATUS_VIEW[r.status].className}`}>{RUN_STATUS_VIEW[r.status].label}</td>
                  <td className="px-4 py-1.5">{r.durationMs != null ? formatDuration(r.durationMs / 1000) : "—"}</td>
                  <td className="px-4 py-1.5">{r.archived}</td>
                  <td className="px-4 py-1.5">{r.purged}</td>
                  <td className="px-4 py-1.5">{r.failedStale}</td>
                  <td className="px-4 py-1.5">{r.orphansRemoved}</td>
                  <td className={`px-4 py-1.5 ${r.missingFiles ? "font-medium text-amber-700" : ""}`}>{r.missingFiles}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
