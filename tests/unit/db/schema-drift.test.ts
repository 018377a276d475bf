import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Prisma needs one schema per provider. The app uses one client type for both, so the models
// must stay identical; only PostgreSQL's native types (@db.…) and comments may differ.

function models(file: string): Map<string, string[]> {
  const text = readFileSync(file, "utf8");
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const lines = m[2]
      .split("\n")
      .map((l) => l.replace(/\/\/.*$/, "").replace(/\s@db\.\w+(\([^)]*\))?/g, "").trim().replace(/\s+/g, " "))
      .filter(Boolean);
    out.set(m[1], lines);
  }
  return out;
}

const sqlite = models("prisma/schema.prisma");
const postgres = models("prisma/postgres/schema.prisma");

describe("the SQLite and PostgreSQL schemas", () => {
  it("declare the same models", () => {
    expect([...postgres.keys()].sort()).toEqual([...sqlite.keys()].sort());
    expect(sqlite.size).toBeGreaterThanOrEqual(8);
  });

  it.each([...sqlite.keys()])("model %s has the same fields, maps and indexes", (name) => {
    expect(postgres.get(name)).toEqual(sqlite.get(name));
  });

  it("store every DateTime as timestamptz on PostgreSQL", () => {
    const text = readFileSync("prisma/postgres/schema.prisma", "utf8");
    const dateFields = text.split("\n").filter((l) => /^\s+\w+\s+DateTime\??\s/.test(l) || /^\s+\w+\s+DateTime\??$/.test(l));
    expect(dateFields.length).toBeGreaterThan(10);
    for (const line of dateFields) expect(line).toMatch(/@db\.Timestamptz\(3\)/);
  });

  it("have a migration history each, the PostgreSQL one creating every table", () => {
    const pgSql = readFileSync("prisma/postgres/migrations/20261130050000_init/migration.sql", "utf8");
    for (const table of ["users", "amr_jobs", "amr_job_params", "password_reset_tokens", "api_tokens", "rate_limit_events", "maintenance_runs", "maintenance_locks"]) {
      expect(pgSql).toContain(`CREATE TABLE "${table}"`);
    }
  });
});
