import type { PrismaClient } from "@/generated/prisma/client";
import { hotGet } from "@/lib/db-hot-read";
import { metrics } from "./registry";

/** hotGet, timed into the same database histogram as Prisma's operations ("<model>.hotGet"). */
export function timedHotGet<T>(client: PrismaClient, model: string, sql: string, ...params: unknown[]): T | undefined | null {
  const start = performance.now();
  const row = hotGet<T>(client, sql, ...params);
  if (row !== null) metrics().dbOperation.observe({ model, action: "hotGet" }, (performance.now() - start) / 1000);
  return row;
}
