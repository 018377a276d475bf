"use client";
import { Fragment, useMemo, useState } from "react";
import { AlleleBadge } from "./AlleleBadge";
import type { AmrResult } from "./types";
import { STATUS_LABELS, describeAllele } from "./allele-text";
import { groupTiedLoci, sharedStatus, type Locus } from "./gene-loci";

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

/** Every gene hit, sortable by any column and filtered by text and class; tied alleles share one expandable row. */
export function GenesTable({ genes }: { genes: Gene[] }) {
  const [query, setQuery] = useState("");
  const [cls, setCls] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "class", dir: 1 });
  const classes = useMemo(() => [...new Set(genes.map((g) => g.class))].sort(), [genes]);

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return genes
      .filter((g) => !cls || g.class === cls)
      .filter((g) => !q || [g.gene, g.refId, g.accession, g.class, g.contig, ...g.antibiotics, ...alleleTerms(g)].some((v) => v.toLowerCase().includes(q)))
      .sort((a, b) => compare(a, b, sort.key) * sort.dir || compare(a, b, "gene"));
  }, [genes, query, cls, sort]);

  const loci = useMemo(() => groupTiedLoci(rows), [rows]);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const flip = (key: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const toggle = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }));

  return (
    <section aria-labelledby="genes-title" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <h2 id="genes-title" className="text-base font-semibold">
          Resistance genes <span className="font-normal text-slate-500">({rows.length}{rows.length !== genes.length ? ` of ${genes.length}` : ""}{loci.length !== rows.length ? ` at ${loci.length} loci` : ""})</span>
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
              {loci.map((locus) =>
                locus.genes.length === 1 ? (
                  <GeneRow key={locus.key} gene={locus.genes[0]} />
                ) : (
                  <Fragment key={locus.key}>
                    <LocusRow locus={locus} open={expanded.has(locus.key)} onToggle={() => flip(locus.key)} />
                    {expanded.has(locus.key) && locus.genes.map((g, i) => <GeneRow key={g.refId} gene={g} id={`${locus.key}-${i}`} nested />)}
                  </Fragment>
                ),
              )}
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

/** A filter finds calls by their badge ("truncated") and their changes ("D240G"). */
function alleleTerms(g: Gene): string[] {
  const a = g.allele;
  return a ? [STATUS_LABELS[a.status], ...(a.aminoAcidChanges ?? []), ...a.nucleotideChanges] : [];
}

/** gene_variant without the accession: blaZ_95_MAJJ01000071 -> blaZ_95. */
function shortName(g: Gene): string {
  return g.refId.endsWith(`_${g.accession}`) ? g.refId.slice(0, -g.accession.length - 1) : g.refId;
}

function Badge({ gene }: { gene: Gene }) {
  if (!gene.allele || gene.allele.status === "exact") return null;
  return <AlleleBadge status={gene.allele.status} details={describeAllele(gene.allele, Boolean(gene.split))} />;
}

function PositionCells({ gene }: { gene: Gene }) {
  return (
    <>
      <td className="px-4 py-2 capitalize">{gene.class}</td>
      <td className="px-4 py-2 text-right tabular-nums">{gene.identity.toFixed(2)}</td>
      <td className="px-4 py-2 text-right tabular-nums">{gene.coverage.toFixed(2)}</td>
      <td className="max-w-[10rem] truncate px-4 py-2" title={gene.contig}>{gene.contig}</td>
      <td className="px-4 py-2 text-right tabular-nums whitespace-nowrap">
        {gene.start.toLocaleString()}–{gene.end.toLocaleString()} <span className="text-slate-500">({gene.strand})</span>
        {gene.pieces && gene.pieces.length > 1 && (
          <span className="block text-xs text-slate-500" data-testid="split-pieces">
            {gene.pieces.slice(1).map((p) => `+ ${p.contig}:${p.start.toLocaleString()}–${p.end.toLocaleString()} (${p.strand})`).join(" ")}
          </span>
        )}
      </td>
    </>
  );
}

function GeneRow({ gene, id, nested = false }: { gene: Gene; id?: string; nested?: boolean }) {
  return (
    <tr id={id} data-testid={nested ? "allele-row" : "gene-row"} className={`align-top hover:bg-slate-50 ${nested ? "bg-slate-50/60" : ""}`}>
      <td className={`px-4 py-2 ${nested ? "pl-10" : ""}`}>
        <span className="flex flex-wrap items-center gap-1.5">
          <span className="font-medium">{gene.gene}</span>
          <Badge gene={gene} />
          {gene.sensitiveOnly && <SensitiveBadge split={Boolean(gene.split)} />}
        </span>
        <span className="block text-xs text-slate-500">{gene.refId}</span>
      </td>
      <PositionCells gene={gene} />
      <td className="px-4 py-2 text-xs text-slate-600">{gene.antibiotics.join(", ") || "—"}</td>
    </tr>
  );
}

/** One row for alleles tied at a locus, naming them; its button shows a row per allele below it. */
function LocusRow({ locus, open, onToggle }: { locus: Locus; open: boolean; onToggle: () => void }) {
  const first = locus.genes[0];
  const status = sharedStatus(locus.genes);
  const genes = [...new Set(locus.genes.map((g) => g.gene))].join(" / ");
  const antibiotics = [...new Set(locus.genes.flatMap((g) => g.antibiotics))].sort();
  const details = locus.genes.map((g) => {
    const a = g.allele;
    const changes = a ? (a.aminoAcidChanges?.length ? a.aminoAcidChanges : a.nucleotideChanges) : [];
    return `${shortName(g)}: ${changes.length ? changes.slice(0, 6).join(", ") + (changes.length > 6 ? ", …" : "") : "no change"}`;
  });
  return (
    <tr data-testid="locus-row" className="align-top hover:bg-slate-50">
      <td className="px-4 py-2">
        <span className="flex flex-wrap items-center gap-1.5">
          <span className="font-medium">{genes}</span>
          {status && status !== "exact" && <AlleleBadge status={status} details={["Each tied allele differs from this genome:", ...details]} />}
        </span>
        <span className="block text-xs text-slate-500">
          {locus.genes.length} tied alleles: {locus.genes.map(shortName).join(", ")}
        </span>
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={open}
          aria-controls={locus.genes.map((_, i) => `${locus.key}-${i}`).join(" ")}
          className="mt-1 text-xs font-medium text-teal-700 hover:text-teal-900 focus:outline-none focus-visible:underline"
        >
          {open ? "Hide alleles" : `Show ${locus.genes.length} alleles`}
        </button>
      </td>
      <PositionCells gene={first} />
      <td className="px-4 py-2 text-xs text-slate-600">{antibiotics.join(", ") || "—"}</td>
    </tr>
  );
}

/** Calls only the resfinder-sensitive model makes: ResFinder and the default model do not report them. */
function SensitiveBadge({ split }: { split: boolean }) {
  return (
    <span
      data-testid="sensitive-only"
      title="Found only by the resfinder-sensitive model (ResFinder and the default model do not report it)"
      className="rounded bg-amber-100 px-1.5 py-0.5 text-[10px] font-medium uppercase tracking-wide text-amber-800"
    >
      {split ? "sensitive · split" : "sensitive"}
    </span>
  );
}
