import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DOC_FILE, renderSchemaDoc, SCHEMA_FILE } from "@/scripts/schema-diagram";

describe("docs/schema.md", () => {
  const schema = readFileSync(SCHEMA_FILE, "utf8");

  it("is what npm run docs:schema generates from prisma/schema.prisma now", () => {
    expect(readFileSync(DOC_FILE, "utf8"), "docs/schema.md is stale: run npm run docs:schema").toBe(renderSchemaDoc(schema));
  });

  it("shows every table by its SQL name with keys, nullability and relations, so a schema change shows up", () => {
    const doc = renderSchemaDoc(schema);
    for (const table of ["users", "amr_jobs", "amr_job_params", "api_tokens", "rate_limit_events"]) expect(doc).toContain(`  ${table} {`);
    expect(doc).toContain("TEXT job_id PK, FK");
    expect(doc).toContain('TEXT email UK "nullable"');
    expect(doc).toContain('users ||--o{ amr_jobs : "user_id (on delete cascade)"');
    expect(doc).toContain('amr_jobs ||--o| amr_job_params : "job_id (on delete cascade)"');
    const changed = schema.replace('  prefix     String\n', '  prefix     String\n  scopes     String? @map("scopes")\n');
    expect(changed).not.toBe(schema);
    expect(renderSchemaDoc(changed)).toContain('TEXT scopes "nullable"');
  });
});
