"use client";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatBases, formatDuration } from "@/components/jobs/format";
import { formatBytes } from "@/lib/units";
import { LatencyTable } from "./LatencyTable";
import { MaintenanceRuns } from "./MaintenanceRuns";
import { Workers } from "./Workers";
import { useMetrics } from "./use-metrics";

const STATUS_COLORS: Record<string, string> = {
  Submitted: "#94a3b8",
  Processing: "#0284c7",
  Completed: "#059669",
  Error: "#e11d48",
  Cancelled: "#d97706",
  Archived: "#7c3aed",
};

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`stat-${label}`}>{value}</p>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

export function AdminDashboard() {
  const { data, error } = useMetrics();
  if (error) return <p role="alert" className="rounded-xl bg-rose-50 p-4 text-sm text-rose-800">Could not load metrics: {error.message}</p>;
  if (!data) return <div className="h-64 animate-pulse rounded-xl bg-slate-100" aria-busy="true" aria-label="Loading metrics" />;

  const jobs = data.jobs;
  const statusData = Object.entries(jobs.byStatus).map(([status, count]) => ({ status, count }));
  const routeData = data.routes
    .filter((r) => r.p95 != null)
    .slice(0, 10)
    .map((r) => ({ name: `${r.method} ${r.route}`, p50: r.p50, p95: r.p95 }));

  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Queue depth" value={jobs.queueDepth.toLocaleString()} hint={jobs.oldestQueuedSeconds != null ? `oldest waiting ${formatDuration(jobs.oldestQueuedSeconds)}` : "nothing waiting"} />
        <Stat label="Running" value={jobs.running.toLocaleString()} />
        <Stat label="Engine throughput" value={jobs.engineBasesPerSecond ? `${formatBases(jobs.engineBasesPerSecond)}/s` : "—"} hint={`over ${jobs.recentCompleted} jobs in 24 h`} />
        <Stat label="Server memory" value={formatBytes(data.process.rssBytes)} hint={`up ${formatDuration(data.process.uptimeSeconds)}`} />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-label="Jobs by status">
          <h2 className="text-base font-semibold">Jobs by status</h2>
          <div className="mt-3 h-56">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={statusData} margin={{ left: 0, right: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="status" tick={{ fontSize: 11 }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={48} />
                <Tooltip />
                <Bar dataKey="count" isAnimationActive={false}>
                  {statusData.map((d) => <Cell key={d.status} fill={STATUS_COLORS[d.status]} />)}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        </section>
        <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-label="Route latency">
          <h2 className="text-base font-semibold">Busiest routes, latency (ms, last 10 min)</h2>
          <div className="mt-3 h-56">
            {routeData.length === 0 ? (
              <p className="text-sm text-slate-500">No API requests recorded yet.</p>
            ) : (
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={routeData} layout="vertical" margin={{ left: 8, right: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" tick={{ fontSize: 11 }} />
                  <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 10 }} />
                  <Tooltip />
                  <Bar dataKey="p50" fill="#5eead4" isAnimationActive={false} />
                  <Bar dataKey="p95" fill="#0f766e" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            )}
          </div>
        </section>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <LatencyTable
          title="Database operations"
          empty="No database operations recorded yet."
          rows={data.database.map((r) => ({ key: `${r.model}.${r.action}`, label: `${r.model}.${r.action}`, ...r }))}
        />
        <LatencyTable
          title="API routes"
          empty="No API requests recorded yet."
          rows={data.routes.map((r) => ({ key: `${r.method} ${r.route} ${r.status}`, label: `${r.method} ${r.route} → ${r.status}`, ...r }))}
        />
      </div>
      <Workers workers={data.workers} />
      <MaintenanceRuns runs={data.maintenance} />
      <p className="text-xs text-slate-500">Refreshes every 10 s · timings are this server process&apos;s, over a sliding {data.windowSeconds / 60}-minute window · generated {new Date(data.generatedAt).toLocaleTimeString()}</p>
    </div>
  );
}
