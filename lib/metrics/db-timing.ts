import type { PrismaClient } from "@/generated/prisma/client";
import { log as logger } from "@/lib/log/logger";
import { metrics } from "./registry";

export interface DbTimingOptions {
  slowMs: number;
  log?: (msg: string) => void;
}

/**
 * Times every operation (models and raw queries) into the db histogram; slow ones are logged by
 * shape — model and action — never with their arguments, which can hold user data.
 */
export function withDbTiming(client: PrismaClient, opts: DbTimingOptions): PrismaClient {
  const log = opts.log ?? ((m: string) => logger().warn(m));
  const extended = client.$extends({
    name: "db-timing",
    query: {
      async $allOperations({ model, operation, args, query }) {
        const start = performance.now();
        try {
          return await query(args);
        } finally {
          const ms = performance.now() - start;
          const label = { model: model ?? "raw", action: operation };
          metrics().dbOperation.observe(label, ms / 1000);
          if (ms >= opts.slowMs) log(`[db] slow ${label.model}.${label.action}: ${ms.toFixed(1)} ms`);
        }
      },
    },
  });
  // A query extension keeps the client's API; only its static type widens.
  return extended as unknown as PrismaClient;
}
