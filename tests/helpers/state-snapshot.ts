import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db";
import { filesUnder } from "./jobs";
import { testDialect } from "./test-dialect";

const normalise = (v: unknown): unknown => (typeof v === "bigint" ? Number(v) : v instanceof Date ? v.toISOString() : v);

/**
 * Every row of every application table, as sorted JSON lines per table: two snapshots are equal
 * exactly when nothing was inserted, updated or deleted (tests of "this request changed nothing").
 */
export async function snapshotDatabase(db: Db): Promise<Record<string, string[]>> {
  const tables =
    testDialect === "postgres"
      ? await db.$queryRawUnsafe<{ name: string }[]>("SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema()")
      : await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  const out: Record<string, string[]> = {};
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (testDialect === "postgres") {
      // row_to_json: every column type as text, whether or not Prisma can read it.
      const rows = await db.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(t)::text AS j FROM "${name}" t`);
      out[name] = rows.map((r) => r.j).sort();
    } else {
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`);
      out[name] = rows.map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, normalise(v)]))).sort();
    }
  }
  return out;
}

/** Every file under a directory with a hash of its bytes. */
export function snapshotFiles(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((f) => [f, createHash("sha1").update(readFileSync(path.join(dir, f))).digest("hex")]));
}
