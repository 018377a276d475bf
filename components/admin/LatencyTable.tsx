interface Row {
  key: string;
  label: string;
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

const ms = (v: number | null) => (v == null ? "—" : v < 10 ? v.toFixed(2) : v.toFixed(1));

/** Counts and latency percentiles; rows over the slow threshold are highlighted. */
export function LatencyTable({ title, rows, empty, slowMs = 100 }: { title: string; rows: Row[]; empty: string; slowMs?: number }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white shadow-sm" aria-label={title}>
      <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold">{title}</h2>
      {rows.length === 0 ? (
        <p className="p-4 text-sm text-slate-500">{empty}</p>
      ) : (
        <div className="max-h-96 overflow-auto">
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-white text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2 text-left font-medium">Operation</th>
                <th className="px-4 py-2 text-right font-medium">Count</th>
                <th className="px-4 py-2 text-right font-medium">p50 ms</th>
                <th className="px-4 py-2 text-right font-medium">p95 ms</th>
                <th className="px-4 py-2 text-right font-medium">p99 ms</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {rows.map((r) => (
                <tr key={r.key} className={r.p95 != null && r.p95 >= slowMs ? "bg-amber-50" : ""}>
                  <td className="px-4 py-1.5 font-mono text-xs">{r.label}</td>
                  <td className="px-4 py-1.5 text-right">{r.count.toLocaleString()}</td>
                  <td className="px-4 py-1.5 text-right">{ms(r.p50)}</td>
                  <td className="px-4 py-1.5 text-right">{ms(r.p95)}</td>
                  <td className="px-4 py-1.5 text-right">{ms(r.p99)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
