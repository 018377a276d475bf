import type { Summary } from "prom-client";

export interface QuantileRow {
  labels: Record<string, string>;
  count: number;
  sumSeconds: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** Flattens a prom-client Summary into one row per label set (milliseconds for the UI). */
export async function summaryRows(summary: Summary<string>): Promise<QuantileRow[]> {
  const { values } = await summary.get();
  const rows = new Map<string, QuantileRow>();
  for (const v of values) {
    const { quantile, ...labels } = v.labels as Record<string, string | number>;
    const key = JSON.stringify(labels);
    const row = rows.get(key) ?? { labels: labels as Record<string, string>, count: 0, sumSeconds: 0, p50: null, p95: null, p99: null };
    const name = (v as { metricName?: string }).metricName ?? "";
    if (name.endsWith("_count")) row.count = v.value;
    else if (name.endsWith("_sum")) row.sumSeconds = v.value;
    else if (quantile !== undefined) {
      const ms = Number.isFinite(v.value) ? Math.round(v.value * 1e5) / 100 : null;
      if (quantile === 0.5) row.p50 = ms;
      else if (quantile === 0.95) row.p95 = ms;
      else if (quantile === 0.99) row.p99 = ms;
    }
    rows.set(key, row);
  }
  return [...rows.values()].filter((r) => r.count > 0).sort((a, b) => b.count - a.count);
}
