import type { SqlPort } from "@/lib/db/port";
import { metrics } from "./registry";

/**
 * Times every SQL port call into the db histogram, as "sql.<method>", like Prisma's operations.
 * Only calls that return a promise are timed; a synchronous one (onJobQueued hands back its
 * unsubscribe function) must keep its return value as it is, not wrapped in a promise.
 */
export function timedPort(port: SqlPort): SqlPort {
  const timed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(port)) {
    timed[name] =
      typeof value !== "function" || name === "close"
        ? value
        : (...args: unknown[]) => {
            const start = performance.now();
            const out: unknown = value.apply(port, args);
            if (!(out instanceof Promise)) return out;
            const observe = () => metrics().dbOperation.observe({ model: "sql", action: name }, (performance.now() - start) / 1000);
            return out.finally(observe);
          };
  }
  return timed as unknown as SqlPort;
}
