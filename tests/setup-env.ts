import { inject } from "vitest";

// Configuration every test process starts from; tests that need other values set them first.
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
process.env.CRON_SECRET ??= "test-cron-secret-0123456789";
// Errors only on the test output; tests of log records capture their own stream (setLogDestination).
process.env.LOG_LEVEL ??= "error";
process.env.AMR_WORKER_PATH ??= inject("amrWorkerPath");
