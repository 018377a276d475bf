"use client";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { classColor } from "@/components/jobs/class-colors";
import type { CollectionMatrix } from "@/lib/collections/matrix";

/** Share of genomes resistant per antibiotic (antibiotics with at least one resistant genome). */
export function ResistanceBars({ matrix }: { matrix: CollectionMatrix }) {
  const n = matrix.rows.length;
  const data = matrix.antibiotics
    .filter((a) => a.resistant > 0)
    .map((a) => ({ name: a.name, class: a.class, share: Math.round((1000 * a.resistant) / n) / 10, resistant: a.resistant }));
  if (n === 0 || data.length === 0) return null;
  return (
    <section aria-labelledby="bars-title" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="bars-title" className="text-base font-semibold">Share of genomes resistant</h2>
      <p className="mt-1 text-xs text-slate-500">Of {n} genomes with results; bar colour = antibiotic class.</p>
      <div className="mt-3" style={{ height: Math.max(160, data.length * 22 + 40) }} data-testid="resistance-bars">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ left: 20, right: 24 }}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 11 }} interval={0} />
            <Tooltip formatter={(v, _k, item) => [`${v}% (${(item.payload as { resistant: number }).resistant} of ${n})`, "resistant"]} />
            <Bar dataKey="share" isAnimationActive={false}>
              {data.map((d) => <Cell key={d.name} fill={classColor(d.class, matrix.classes)} />)}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
