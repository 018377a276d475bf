import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

const g = globalThis as unknown as { amrLoopDelay?: IntervalHistogram };

/** Starts measuring event-loop delay once per process (10 ms resolution, negligible cost). */
export function startEventLoopMonitor(): void {
  if (g.amrLoopDelay) return;
  g.amrLoopDelay = monitorEventLoopDelay({ resolution: 10 });
  g.amrLoopDelay.enable();
}

/** Delay percentiles in ms since the previous read (each read starts a new interval). */
export function readEventLoopDelay(): { p50: number; p99: number; max: number } | null {
  const h = g.amrLoopDelay;
  if (!h) return null;
  const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
  const out = { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) };
  h.reset();
  return out;
}
