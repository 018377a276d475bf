import { formatRelative } from "@/components/jobs/format";
import type { WorkerSummary } from "@/lib/jobs/worker/heartbeats";

/** Worker processes on every machine, from their heartbeats: who runs jobs, and who cannot. */
export function Workers({ workers }: { workers: WorkerSummary[] }) {
  const alive = workers.filter((w) => w.alive);
  return (
    <section className="rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Workers">
      <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold">
        Workers <span className="font-normal text-slate-500">· {alive.length} alive</span>
      </h2>
      {workers.length === 0 ? (
        <p className="p-4 text-sm text-amber-800">
          No worker has reported yet: queued jobs will wait. Start <code className="rounded bg-slate-100 px-1">npm run worker</code> on a machine
          with the ResFinder database, or set <code className="rounded bg-slate-100 px-1">WORKER_ENABLED=true</code> on a server.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                {["Worker", "Host", "State", "Last heartbeat", "Started", "ResFinder database"].map((h) => (
                  <th key={h} className="px-4 py-2 text-left font-medium">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="workers">
              {workers.map((w) => (
                <tr key={w.owner}>
                  <td className="px-4 py-1.5 font-mono text-xs">{w.owner}</td>
                  <td className="px-4 py-1.5">{w.host}</td>
                  <td className={`px-4 py-1.5 font-medium ${w.alive ? "text-emerald-700" : "text-slate-500"}`}>{w.alive ? "alive" : "silent"}</td>
                  <td className="px-4 py-1.5 tabular-nums">{formatRelative(w.lastSeenAt)}</td>
                  <td className="px-4 py-1.5 tabular-nums">{formatRelative(w.startedAt)}</td>
                  <td className={`px-4 py-1.5 ${w.resfinderOk ? "" : "font-medium text-rose-700"}`}>{w.resfinderOk ? "present" : "missing: install resfinder-db"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
