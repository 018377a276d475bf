import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

// Debian's Chromium, never a downloaded browser (this machine reaches no browser CDN).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** What every e2e server gets whatever its database and storage (playwright.cloud.config.ts too). */
export const e2eServerEnv = {
  NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456",
  CRON_SECRET: "e2e-cron-secret-0123456789",
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
  PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
};

export default defineConfig({
  testDir: "e2e",
  // e2e/cloud runs against PostgreSQL + S3 with its own config (playwright.cloud.config.ts).
  testIgnore: ["cloud/**"],
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  use: {
    baseURL,
    headless: true,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command:
      `rm -rf prisma/e2e-${port}.db* data/e2e-${port} && node_modules/.bin/prisma migrate deploy && node_modules/.bin/next start -p ` +
      port,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_FILE: `file:./prisma/e2e-${port}.db`,
      STORAGE_DIR: `./data/e2e-${port}/storage`,
      NEXTAUTH_URL: baseURL,
      // Reset mails land here as JSON lines; e2e/auth.spec.ts reads the link from it.
      MAIL_CAPTURE_FILE: "data/e2e/mail.jsonl",
      ...e2eServerEnv,
    },
  },
});
