import { metrics } from "./registry";

/** A low-cardinality route label: ids become ":id" so each route is one series, not one per job. */
export function routeLabel(url: string): string {
  const { pathname } = new URL(url, "http://x");
  return pathname
    .split("/")
    .map((seg) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(seg) || /^\d+$/.test(seg) ? ":id" : seg))
    .join("/")
    .slice(0, 100);
}

/** Records one request's duration; the only call site is the route wrappers. */
export function observeRequest(req: Request, status: number, startedAt: number): void {
  metrics().httpRequest.observe(
    { route: routeLabel(req.url), method: req.method, status: String(status) },
    (performance.now() - startedAt) / 1000,
  );
}
