import { Counter, Registry, Summary } from "prom-client";

/**
 * The process's metrics. Summaries (sliding 10-minute window) give the p50/p95/p99 the admin page
 * shows and Prometheus scrapes, from one source. Cached on globalThis so hot reloads and the many
 * route bundles of a Next build share one registry.
 */
function create() {
  const registry = new Registry();
  const percentiles = [0.5, 0.95, 0.99];
  const window = { maxAgeSeconds: 600, ageBuckets: 5 };
  return {
    registry,
    dbOperation: new Summary({
      name: "amr_db_operation_seconds",
      help: "Duration of database operations by model and action",
      labelNames: ["model", "action"] as const,
      percentiles,
      ...window,
      registers: [registry],
    }),
    httpRequest: new Summary({
      name: "amr_http_request_seconds",
      help: "Duration of API requests by route, method and status",
      labelNames: ["route", "method", "status"] as const,
      percentiles,
      ...window,
      registers: [registry],
    }),
    engineBases: new Counter({
      name: "amr_engine_bases_total",
      help: "Bases analysed by completed engine runs",
      registers: [registry],
    }),
    engineSeconds: new Counter({
      name: "amr_engine_seconds_total",
      help: "Wall time of completed engine runs",
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof create>;

const g = globalThis as unknown as { amrMetrics?: Metrics };

export function metrics(): Metrics {
  g.amrMetrics ??= create();
  return g.amrMetrics;
}
