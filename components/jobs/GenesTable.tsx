"use client";
import { useMemo, useState } from "react";
import type { AmrResult } from "./api";

type Gene = AmrResult["genes"][number];
type SortKey = "gene" | "class" | "identity" | "coverage" | "contig" | "start";

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "gene", label: "Gene" },
  { key: "class", label: "Class" },
  { key: "identity", label: "Identity %", numeric: true },
  { key: "coverage", label: "Coverage %", numeric: true },
  { key: "contig", label: "Contig" },
  { key: "start", label: "Position", numeric: true },
];

function compare(a: Gene, b: Gene, key: SortKey): number {
  const x = a[key];
  const y = b[key];
  return typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
}

/** Every gene hit, sortable by any column and filtered by text and class. */
export function GenesTable({ genes }: { genes: Gene[] }) {
  const [query, setQuery] = useState("");
  const [cls, setCls] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "class", dir: 1 });
  const classes = useMemo(() => [...new Set(genes.map((g) => g.class))].sort(), [genes]);

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return genes
      .filter((g) => !cls || g.class === cls)
      .filter((g) => !q || [g.gene, g.refId, g.accession, g.class, g.contig, ...g.antibiotics].some((v) => v.toLowerCase().includes(q)))
      .sort((a, b) => compare(a, b, sort.key) * sort.dir || compare(a, b, "gene"));
  }, [genes, query, cls, sort]);

  const toggle = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }));

  return (
    <section aria-labelledby="genes-title" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <h2 id="genes-title" className="text-base font-semibold">
          Resistance genes <span className="font-normal text-slate-500">({rows.length}{rows.length !== genes.length ? ` of ${genes.length}` : ""})</span>
        </h2>
        <div className="flex flex-wrap gap-2">
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Filter genes, antibiotics, contigs…"
            aria-label="Filter genes"
            className="w-56 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm focus:outline-none focus:ring-1 focus:ring-teal-600"
          />
          <select value={cls} onChange={(e) => setCls(e.target.value)} aria-label="Filter by class" className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
            <option value="">All classes</option>
            {classes.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </div>
      </div>
      {genes.length === 0 ? (
        <p className="p-6 text-sm text-slate-600">No acquired resistance genes were found in this genome.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="genes-table">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === 1 ? "ascending" : "descending") : "none"} className={`px-4 py-2 font-medium ${c.numeric ? "text-right" : ""}`}>
                    <button onClick={() => toggle(c.key)} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
                      {c.label}
                      <span aria-hidden className="text-[10px]">{sort.key === c.key ? (sort.dir === 1 ? "▲" : "▼") : "↕"}</span>
                    </button>
                  </th>
                ))}
                <th scope="col" className="px-4 py-2 font-medium">Antibiotics</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((g) => (
                <tr key={`${g.refId}-${g.contig}-${g.start}`} className="align-top hover:bg-slate-50">
                  <td className="px-4 py-2">
                    <span className="font-medium">{g.gene}</span>
                    {g.sensitiveOnly && (
                      <span
                        data-testid="sensitive-only"
                        title="Found only by the resfinder-sensitive model (ResFinder and the default model do not report it)"
                        className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-[10px] font-medium uppercase tracking-wide text-amber-800"
                      >
                        {g.split ? "sensitive · split" : "sensitive"}
                      </span>
                    )}
                    <span className="block text-xs text-slate-500">{g.refId}</span>
                  </td>
                  <td className="px-4 py-2 capitalize">{g.class}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{g.identity.toFixed(2)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{g.coverage.toFixed(2)}</td>
                  <td className="max-w-[10rem] truncate px-4 py-2" title={g.contig}>{g.contig}</td>
                  <td className="px-4 py-2 text-right tabular-nums whitespace-nowrap">
                    {g.start.toLocaleString()}–{g.end.toLocaleString()} <span className="text-slate-500">({g.strand})</span>
                    {g.pieces && g.pieces.length > 1 && (
                      <span className="block text-xs text-slate-500" data-testid="split-pieces">
                        {g.pieces.slice(1).map((p) => `+ ${p.contig}:${p.start.toLocaleString()}–${p.end.toLocaleString()} (${p.strand})`).join(" ")}
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-2 text-xs text-slate-600">{g.antibiotics.join(", ") || "—"}</td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr><td colSpan={COLUMNS.length + 1} className="px-4 py-6 text-center text-sm text-slate-500">No gene matches this filter.</td></tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
