import type { SqlPort } from "@/lib/db/port";
import { metrics } from "./registry";

/** Times every SQL port call into the db histogram, as "sql.<method>", like Prisma's operations. */
export function timedPort(port: SqlPort): SqlPort {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function" || prop === "close") return value;
      return async (...args: unknown[]) => {
        const start = performance.now();
        try {
          return await value.apply(target, args);
        } finally {
          metrics().dbOperation.observe({ model: "sql", action: String(prop) }, (performance.now() - start) / 1000);
        }
      };
    },
  });
}
