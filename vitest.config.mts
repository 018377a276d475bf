import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm test` runs this twice: the whole suite on SQLite, then (TEST_DIALECT=postgres) the
// integration suite and the process-level fault tests (tests/faults) again on PostgreSQL. Files
// named *-sqlite.test.ts / *-postgres.test.ts hold what only one dialect has (SQLite's file
// locking, each dialect's EXPLAIN output).
const postgres = process.env.TEST_DIALECT === "postgres";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: postgres ? ["tests/integration/**/*.test.ts", "tests/faults/**/*.test.ts"] : ["tests/**/*.test.ts"],
    // tests/multi starts real servers from a production build: its own config, vitest.multi.config.mts.
    exclude: ["**/node_modules/**", "tests/multi/**", postgres ? "tests/**/*-sqlite.test.ts" : "tests/**/*-postgres.test.ts"],
    pool: "forks",
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
