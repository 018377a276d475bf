"use client";
import { useState } from "react";
import type { AmrResult } from "./types";
import { classColor } from "./class-colors";
import { formatBases } from "./format";
import { hitMarks, marksByContig, type HitMark } from "./hit-marks";

const WIDTH = 760;
const LEFT = 140;
const ROW = 44;

/** Where the hits sit along each contig that has any: one track per contig, one mark per hit (per piece of a split gene). */
export function HitMap({ result }: { result: AmrResult }) {
  const [hover, setHover] = useState<HitMark | null>(null);
  const byContig = marksByContig(hitMarks(result.genes));
  const contigs = [...byContig.keys()];
  const classes = [...new Set(result.genes.map((g) => g.class))].sort();
  if (contigs.length === 0) return null;

  const lengthOf = (id: string) =>
    result.input.contigLengths?.find((c) => c.id === id)?.length ??
    (result.input.contigs === 1 ? result.input.bases : Math.max(...byContig.get(id)!.map((m) => m.end)));
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
                {byContig.get(id)!.map((m) => {
                  const g = m.gene;
                  const x1 = x(m.start);
                  const w = Math.max(3, x(m.end) - x1);
                  const split = m.pieces > 1 ? `, piece ${m.piece} of ${m.pieces} (split across contigs)` : "";
                  return (
                    <g key={`${g.refId}-${g.start}-${m.piece}`} onMouseEnter={() => setHover(m)} onMouseLeave={() => setHover(null)} data-testid="hit-mark">
                      <title>{`${g.gene} (${g.class}) ${m.start.toLocaleString()}–${m.end.toLocaleString()} ${m.strand}, ${g.identity.toFixed(1)}% identity${split}`}</title>
                      <rect
                        x={x1}
                        y={y - 7}
                        width={w}
                        height={14}
                        rx={2}
                        fill={classColor(g.class, classes)}
                        opacity={0.85}
                        strokeDasharray={m.pieces > 1 ? "3 2" : undefined}
                        className={m.pieces > 1 ? "stroke-slate-700" : undefined}
                      />
                      <text x={x1 + w / 2} y={m.strand === "+" ? y - 10 : y + 19} textAnchor="middle" className="fill-slate-500 text-[8px]">
                        {m.strand === "+" ? "▲" : "▼"}
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
            <b>{hover.gene.gene}</b> · {hover.contig}:{hover.start.toLocaleString()}–{hover.end.toLocaleString()}
            {hover.pieces > 1 && ` (piece ${hover.piece} of ${hover.pieces})`} · {hover.gene.identity.toFixed(1)}% id, {hover.gene.coverage.toFixed(1)}% cov
          </span>
        )}
      </div>
    </section>
  );
}
