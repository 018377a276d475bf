import { readdirSync } from "node:fs";
import path from "node:path";

/** The app directory whose route.ts files are the HTTP API. */
export const APP_ROOT = path.resolve(import.meta.dirname, "..", "..", "app");

export type RouteHandler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;

/** Every folder under app/api holding a route.ts, as "api/jobs/[id]" (a new route is found by existing). */
export function routeDirs(dir = path.join(APP_ROOT, "api")): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeDirs(full));
    else if (/^route\.(ts|tsx|js)$/.test(entry.name)) out.push(path.relative(APP_ROOT, dir).split(path.sep).join("/"));
  }
  return out.sort();
}

/** The route module's exported handlers, by HTTP method. */
export async function routeHandlers(route: string): Promise<Partial<Record<string, RouteHandler>>> {
  const mod = (await import(/* @vite-ignore */ /* turbopackIgnore: true */ path.join(APP_ROOT, route, "route.ts"))) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(mod).filter(([k, v]) => /^[A-Z]+$/.test(k) && typeof v === "function")) as Partial<Record<string, RouteHandler>>;
}
