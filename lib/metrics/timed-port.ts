import type { SqlPort } from "@/lib/db/port";
import { metrics } from "./registry";

/**
 * Times every SQL port call into the db histogram, as "sql.<method>", like Prisma's operations.
 * Only calls that return a promise are timed; a synchronous one (onJobQueued hands back its
 * unsubscribe function) must keep its return value as it is, not wrapped in a promise.
 */
export function timedPort(port: SqlPort): SqlPort {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function" || prop === "close") return value;
      return (...args: unknown[]) => {
        const start = performance.now();
        const out: unknown = value.apply(target, args);
        if (!(out instanceof Promise)) return out;
        const observe = () => metrics().dbOperation.observe({ model: "sql", action: String(prop) }, (performance.now() - start) / 1000);
        return out.finally(observe);
      };
    },
  });
}
