import { defineConfig } from "@playwright/test";
import base, { e2eServerEnv } from "./playwright.config";

// The same app as the default e2e run, deployed the several-machines way: PostgreSQL for the
// database and an S3-compatible bucket (s3rver) for files, so browsers upload straight to the
// bucket. Runs e2e/cloud/ only; `npm test` runs it after the default e2e run.
const port = Number(process.env.E2E_CLOUD_PORT ?? 3200);
const s3Port = Number(process.env.E2E_S3_PORT ?? 4569);
const baseURL = `http://localhost:${port}`;
const server = process.env.TEST_DATABASE_URL ?? "postgresql://amr:amr@127.0.0.1:5432/postgres";
const database = new URL(server);
database.pathname = "/amr_e2e";

export default defineConfig({
  ...base,
  testDir: "e2e/cloud",
  testIgnore: [],
  outputDir: "test-results/e2e-cloud",
  use: { ...base.use, baseURL },
  webServer: [
    {
      // s3rver signs list continuation tokens with DES, which Node 20 refuses without this flag.
      command: "node --openssl-legacy-provider e2e/cloud/s3-server.mjs",
      port: s3Port,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { E2E_S3_PORT: String(s3Port), E2E_S3_BUCKET: "amr-e2e" },
    },
    {
      command: `node e2e/cloud/prepare-db.mjs && node_modules/.bin/next start -p ${port}`,
      url: `${baseURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        TEST_DATABASE_URL: server,
        E2E_PG_DATABASE: "amr_e2e",
        DATABASE_URL: database.toString(),
        STORAGE_URL: "s3://amr-e2e/files",
        S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
        S3_FORCE_PATH_STYLE: "true",
        S3_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: "S3RVER",
        AWS_SECRET_ACCESS_KEY: "S3RVER",
        NEXTAUTH_URL: baseURL,
        ...e2eServerEnv,
      },
    },
  ],
});
