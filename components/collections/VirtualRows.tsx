"use client";
import { useState, type ReactNode } from "react";

/**
 * A windowed list: only the rows in view (plus a few) are in the DOM, so a 1 000-genome
 * heatmap renders its first screen as fast as a 20-genome one. Fixed row height.
 */
export function VirtualRows<T>({
  items,
  rowHeight,
  height,
  header,
  renderRow,
  label,
}: {
  items: readonly T[];
  rowHeight: number;
  height: number;
  header?: ReactNode;
  renderRow: (item: T, index: number) => ReactNode;
  label: string;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const overscan = 6;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return (
    <div
      role="table"
      aria-label={label}
      aria-rowcount={items.length}
      className="relative overflow-auto rounded-lg border border-slate-200"
      style={{ maxHeight: height }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      {header && <div className="sticky top-0 z-20 w-max min-w-full bg-white">{header}</div>}
      <div style={{ height: items.length * rowHeight, position: "relative" }} className="w-max min-w-full">
        {items.slice(first, last).map((item, i) => (
          <div key={first + i} role="row" aria-rowindex={first + i + 1} style={{ position: "absolute", top: (first + i) * rowHeight, height: rowHeight, left: 0 }}>
            {renderRow(item, first + i)}
          </div>
        ))}
      </div>
    </div>
  );
}
