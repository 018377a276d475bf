"use client";
import { useState } from "react";
import type { AmrResult } from "./types";
import { classColor } from "./class-colors";
import { formatBases } from "./format";

type Gene = AmrResult["genes"][number];

const WIDTH = 760;
const LEFT = 140;
const ROW = 44;

/** Where the hits sit along each contig that has any: one track per contig, one mark per hit. */
export function HitMap({ result }: { result: AmrResult }) {
  const [hover, setHover] = useState<Gene | null>(null);
  const byContig = new Map<string, Gene[]>();
  for (const g of result.genes) byContig.set(g.contig, [...(byContig.get(g.contig) ?? []), g]);
  const contigs = [...byContig.keys()];
  const classes = [...new Set(result.genes.map((g) => g.class))].sort();
  if (contigs.length === 0) return null;

  const lengthOf = (id: string) =>
    result.input.contigLengths?.find((c) => c.id === id)?.length ??
    (result.input.contigs === 1 ? result.input.bases : Math.max(...byContig.get(id)!.map((g) => g.end)));
  const height = contigs.length * ROW + 30;
  const trackWidth = WIDTH - LEFT - 20;

  return (
    <section aria-labelledby="map-title" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="map-title" className="text-base font-semibold">Where the genes are</h2>
        <p className="text-xs text-slate-500">
          {contigs.length} of {result.input.contigs} contigs carry hits · ▲ forward strand, ▼ reverse
        </p>
      </div>
      <div className="mt-3 overflow-x-auto">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} className="min-w-[36rem]" role="img" aria-label="Positions of resistance genes along the contigs">
          {contigs.map((id, row) => {
            const len = lengthOf(id);
            const y = row * ROW + 22;
            const x = (pos: number) => LEFT + (pos / Math.max(len, 1)) * trackWidth;
            return (
              <g key={id}>
                <text x={LEFT - 10} y={y + 4} textAnchor="end" className="fill-slate-700 text-[11px]">
                  {id.length > 18 ? `${id.slice(0, 17)}…` : id}
                </text>
                <text x={LEFT - 10} y={y + 16} textAnchor="end" className="fill-slate-400 text-[9px]">{formatBases(len)}</text>
                <line x1={LEFT} x2={LEFT + trackWidth} y1={y} y2={y} className="stroke-slate-300" strokeWidth={6} strokeLinecap="round" />
                {byContig.get(id)!.map((g) => {
                  const x1 = x(g.start);
                  const w = Math.max(3, x(g.end) - x1);
                  return (
                    <g key={`${g.refId}-${g.start}`} onMouseEnter={() => setHover(g)} onMouseLeave={() => setHover(null)}>
                      <title>{`${g.gene} (${g.class}) ${g.start.toLocaleString()}–${g.end.toLocaleString()} ${g.strand}, ${g.identity.toFixed(1)}% identity`}</title>
                      <rect x={x1} y={y - 7} width={w} height={14} rx={2} fill={classColor(g.class, classes)} opacity={0.85} />
                      <text x={x1 + w / 2} y={g.strand === "+" ? y - 10 : y + 19} textAnchor="middle" className="fill-slate-500 text-[8px]">
                        {g.strand === "+" ? "▲" : "▼"}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <div className="mt-2 flex min-h-5 flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
        {classes.map((c) => (
          <span key={c} className="inline-flex items-center gap-1.5 capitalize">
            <span className="h-2.5 w-2.5 rounded-sm" style={{ background: classColor(c, classes) }} aria-hidden />
            {c}
          </span>
        ))}
        {hover && (
          <span className="ml-auto text-slate-800">
            <b>{hover.gene}</b> · {hover.contig}:{hover.start.toLocaleString()}–{hover.end.toLocaleString()} · {hover.identity.toFixed(1)}% id, {hover.coverage.toFixed(1)}% cov
          </span>
        )}
      </div>
    </section>
  );
}
