import path from "node:path";
import { defineConfig } from "vitest/config";

// The several-machines test: two `next start` servers and two worker processes on one PostgreSQL
// database and one storage directory. Needs `next build` first and TEST_DATABASE_URL (a server
// where the role may CREATE DATABASE), e.g.
//   TEST_DATABASE_URL=postgresql://amr:amr@127.0.0.1:5432/postgres npx vitest run -c vitest.multi.config.mts
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["tests/multi/**/*.test.ts"],
    pool: "forks",
    globalSetup: ["tests/multi/global-setup.ts"],
    setupFiles: ["tests/setup-env.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
