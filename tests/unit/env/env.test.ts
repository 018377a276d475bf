import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("env", () => {
  it("works with no configuration outside production", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_FILE).toBe("file:./prisma/dev.db");
    expect(env.STORAGE_DIR).toBe("./data/storage");
    expect(env.SQLITE_SYNCHRONOUS).toBe("FULL");
    expect(env.UPLOAD_MAX_BYTES).toBe(100 * 1024 * 1024);
    expect(env.WORKER_ENABLED).toBe(true);
  });

  it("names every bad variable", () => {
    const bad = () => parseEnv({ DATABASE_FILE: "/tmp/x.db", WORKER_CONCURRENCY: "0", CRON_SECRET: "short" });
    expect(bad).toThrow(/DATABASE_FILE: must start with file:/);
    expect(bad).toThrow(/WORKER_CONCURRENCY: /);
    expect(bad).toThrow(/CRON_SECRET: must be at least 16/);
  });

  it("demands a secret from a production server but not from the build", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET: is required in production/);
    const prev = process.env.NEXT_PHASE;
    process.env.NEXT_PHASE = "phase-production-build";
    try {
      expect(() => parseEnv({ NODE_ENV: "production" })).not.toThrow();
    } finally {
      if (prev === undefined) delete process.env.NEXT_PHASE;
      else process.env.NEXT_PHASE = prev;
    }
  });

  it("treats empty strings as unset and coerces numbers and booleans", () => {
    const env = parseEnv({ CRON_SECRET: "", UPLOAD_MAX_BYTES: "1000", WORKER_ENABLED: "false" });
    expect(env.CRON_SECRET).toBeUndefined();
    expect(env.UPLOAD_MAX_BYTES).toBe(1000);
    expect(env.WORKER_ENABLED).toBe(false);
  });

  it("refuses a busy timeout under 5 s", () => {
    expect(() => parseEnv({ SQLITE_BUSY_TIMEOUT_MS: "100" })).toThrow(/SQLITE_BUSY_TIMEOUT_MS/);
  });
});
