import type { Dialect } from "@/lib/db/port";

/** Which database this test run uses: `npm test` runs the integration suite once per dialect. */
export const testDialect: Dialect = process.env.TEST_DIALECT === "postgres" ? "postgres" : "sqlite";
export const onSqlite = testDialect === "sqlite";
export const onPostgres = testDialect === "postgres";
