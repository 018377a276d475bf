"use client";
import { useMemo, useState } from "react";
import { classColor } from "@/components/jobs/class-colors";
import type { CollectionMatrix } from "@/lib/collections/matrix";
import { VirtualRows } from "./VirtualRows";

const CELL = 40;
const NAME_W = 200;
const ROW_H = 24;

/** Genome × gene presence, each cell the best identity (%) of that gene's hits. */
export function GeneMatrix({ matrix }: { matrix: CollectionMatrix }) {
  const [filter, setFilter] = useState("");
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return matrix.rows.filter((r) => !needle || r.name.toLowerCase().includes(needle)).sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  }, [matrix, filter]);
  const width = NAME_W + matrix.genes.length * CELL;
  if (matrix.genes.length === 0) return null;
  return (
    <section aria-labelledby="genes-title" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="genes-title" className="text-base font-semibold">Genes by genome</h2>
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Filter genomes" aria-label="Filter genomes in the gene matrix" className="rounded-md border border-slate-300 px-2 py-1 text-sm" />
      </div>
      <p className="mt-1 text-xs text-slate-500">Each cell: the gene&apos;s best identity (%) in that genome; empty: not found.</p>
      <div className="mt-3">
        <VirtualRows
          label="Genome by gene identity"
          items={rows}
          rowHeight={ROW_H}
          height={420}
          header={
            <div className="flex items-end border-b border-slate-200" style={{ width }} role="row">
              <div style={{ width: NAME_W }} className="sticky left-0 z-10 h-24 shrink-0 bg-white" role="columnheader" />
              {matrix.genes.map((g) => (
                <div key={g.name} role="columnheader" style={{ width: CELL }} className="relative h-24 shrink-0" title={`${g.name} (${g.class}): in ${g.present} genomes`}>
                  <span className="absolute bottom-1 left-1/2 origin-bottom-left -rotate-60 whitespace-nowrap text-[11px]" style={{ color: classColor(g.class, matrix.classes) }}>{g.name}</span>
                </div>
              ))}
            </div>
          }
          renderRow={(row) => (
            <div className="flex" style={{ width }}>
              <div role="rowheader" style={{ width: NAME_W, height: ROW_H }} className="sticky left-0 z-10 flex shrink-0 items-center truncate border-r border-slate-100 bg-white px-2 text-sm">{row.name}</div>
              {matrix.genes.map((g, i) => {
                const id = row.identity[i];
                return (
                  <div key={g.name} role="cell" title={id === undefined ? `${g.name}: not found` : `${g.name}: ${id}% identity`} style={{ width: CELL, height: ROW_H }} className={`flex shrink-0 items-center justify-center border-b border-r border-white text-[10px] tabular-nums ${id === undefined ? "bg-slate-50" : "bg-teal-100 text-teal-950"}`}>
                    {id === undefined ? "" : id >= 99.95 ? "100" : id.toFixed(1)}
                  </div>
                );
              })}
            </div>
          )}
        />
      </div>
    </section>
  );
}
