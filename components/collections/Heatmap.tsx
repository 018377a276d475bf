"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { classColor } from "@/components/jobs/class-colors";
import type { CollectionMatrix, MatrixRow } from "@/lib/collections/matrix";
import { classSpans, resistantCount, visibleColumns, visibleRows, type RowSort } from "./matrix-view-model";
import { VirtualRows } from "./VirtualRows";

const CELL = 22;
const NAME_W = 200;
const ROW_H = 26;

interface Tip {
  x: number;
  y: number;
  text: string;
}

/** Genome × antibiotic: resistant cells in their class colour, with the genes behind them. */
export function Heatmap({ matrix, jobHref }: { matrix: CollectionMatrix; jobHref?: (jobId: string) => string }) {
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<RowSort>({ by: "name" });
  const [onlyResistant, setOnlyResistant] = useState(true);
  const [tip, setTip] = useState<Tip | null>(null);
  const columns = useMemo(() => visibleColumns(matrix, onlyResistant), [matrix, onlyResistant]);
  const rows = useMemo(() => visibleRows(matrix, { filter, sort }), [matrix, filter, sort]);
  const spans = useMemo(() => classSpans(matrix, columns), [matrix, columns]);
  const width = NAME_W + columns.length * CELL;

  const describe = (row: MatrixRow, c: number) => {
    const a = matrix.antibiotics[c];
    const genes = row.resistant[c];
    return genes ? `${row.name} — ${a.name} (${a.class}): resistant; genes ${genes.join(", ")}` : `${row.name} — ${a.name} (${a.class}): no resistance detected`;
  };
  const showTip = (el: HTMLElement, text: string) => {
    const r = el.getBoundingClientRect();
    setTip({ x: r.left + r.width / 2, y: r.top, text });
  };

  const header = (
    <div style={{ width }} className="border-b border-slate-200">
      <div className="flex" aria-hidden>
        <div style={{ width: NAME_W }} className="sticky left-0 z-10 shrink-0 bg-white" />
        {spans.map((s) => (
          <div key={s.start} title={s.cls} className="h-2" style={{ width: s.length * CELL, background: classColor(s.cls, matrix.classes) }} />
        ))}
      </div>
      <div className="flex items-end" role="row">
        <div style={{ width: NAME_W }} className="sticky left-0 z-10 flex h-28 shrink-0 items-end bg-white px-2 pb-1 text-xs font-medium text-slate-500" role="columnheader">
          <button type="button" className="hover:underline" onClick={() => setSort({ by: "name" })}>Genome {sort.by === "name" && "↓"}</button>
          <button type="button" className="ml-3 hover:underline" onClick={() => setSort({ by: "resistant" })} title="Most resistant first">
            # R {sort.by === "resistant" && "↓"}
          </button>
        </div>
        {columns.map((c) => (
          <div key={c} role="columnheader" style={{ width: CELL }} className="relative h-28 shrink-0">
            <button
              type="button"
              onClick={() => setSort({ by: "antibiotic", index: c })}
              title={`${matrix.antibiotics[c].name} (${matrix.antibiotics[c].class}) — sort resistant genomes first`}
              className={`absolute bottom-1 left-1/2 origin-bottom-left -rotate-60 whitespace-nowrap text-[11px] ${sort.by === "antibiotic" && sort.index === c ? "font-bold text-teal-800" : "text-slate-600"}`}
            >
              {matrix.antibiotics[c].name}
            </button>
          </div>
        ))}
      </div>
    </div>
  );

  return (
    <section aria-labelledby="heatmap-title" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="heatmap-title" className="text-base font-semibold">Resistance by genome</h2>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Filter genomes" aria-label="Filter genomes" className="rounded-md border border-slate-300 px-2 py-1" />
          <label className="flex items-center gap-1.5 text-slate-600">
            <input type="checkbox" checked={onlyResistant} onChange={(e) => setOnlyResistant(e.target.checked)} />
            Only antibiotics with resistance
          </label>
        </div>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {rows.length} of {matrix.rows.length} genomes · {columns.length} of {matrix.antibiotics.length} antibiotics. Coloured: resistance predicted (colour = class); grey: none detected. Click a name to sort by it.
      </p>
      {matrix.rows.length === 0 ? (
        <p className="mt-4 rounded-lg bg-slate-50 p-4 text-sm text-slate-600">No genome has results yet.</p>
      ) : (
        <div className="mt-3" onMouseLeave={() => setTip(null)}>
          <VirtualRows
            label="Genome by antibiotic resistance"
            items={rows}
            rowHeight={ROW_H}
            height={560}
            header={header}
            renderRow={(row) => (
              <div className="flex" style={{ width }} data-testid="heatmap-row">
                <div role="rowheader" style={{ width: NAME_W, height: ROW_H }} className="sticky left-0 z-10 flex shrink-0 items-center truncate border-r border-slate-100 bg-white px-2 text-sm">
                  {jobHref ? <Link href={jobHref(row.jobId)} className="truncate hover:underline">{row.name}</Link> : <span className="truncate">{row.name}</span>}
                  <span className="ml-auto shrink-0 pl-2 text-xs tabular-nums text-slate-500" title="Antibiotics with resistance predicted" data-testid="heatmap-row-count">
                    {resistantCount(row)}
                  </span>
                </div>
                {columns.map((c) => {
                  const genes = row.resistant[c];
                  const label = describe(row, c);
                  const style = { width: CELL, height: ROW_H, background: genes ? classColor(matrix.antibiotics[c].class, matrix.classes) : undefined };
                  const common = {
                    role: "cell",
                    "aria-label": label,
                    onMouseEnter: (e: React.MouseEvent<HTMLElement>) => showTip(e.currentTarget, label),
                    onFocus: (e: React.FocusEvent<HTMLElement>) => showTip(e.currentTarget, label),
                    onBlur: () => setTip(null),
                    style,
                    className: `shrink-0 border-b border-r border-white ${genes ? "" : "bg-slate-100"} focus:outline-2 focus:outline-offset-[-2px] focus:outline-slate-900`,
                  };
                  if (!genes) return <div key={c} {...common} />;
                  return jobHref ? <Link key={c} href={jobHref(row.jobId)} data-testid="heatmap-cell-r" {...common} /> : <span key={c} tabIndex={0} data-testid="heatmap-cell-r" {...common} />;
                })}
              </div>
            )}
          />
        </div>
      )}
      {tip && (
        <div role="tooltip" data-testid="heatmap-tooltip" className="pointer-events-none fixed z-50 max-w-xs -translate-x-1/2 -translate-y-full rounded-md bg-slate-900 px-2.5 py-1.5 text-xs text-white shadow-lg" style={{ left: tip.x, top: tip.y - 6 }}>
          {tip.text}
        </div>
      )}
    </section>
  );
}
