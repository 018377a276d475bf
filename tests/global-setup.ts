import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateFile } from "../scripts/lib/migrate-file";
import { databaseUrl, dropTestDatabase, migratePostgres, testServerUrl, withAdmin } from "./helpers/pg-admin";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
    pgTemplate: string;
    amrWorkerPath: string;
  }
}

/**
 * Once per run: a migrated template database (each test copies it instead of migrating) and a
 * fresh bundle of the engine's worker thread. On PostgreSQL (TEST_DIALECT=postgres) the template
 * is a database of its own; every test database made from it, named after it, is dropped at the end.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "amr-test-template-"));
  const file = path.join(dir, "template.db");
  migrateFile(file);
  project.provide("templateDb", file);

  let pgTemplate = "";
  if (process.env.TEST_DIALECT === "postgres") {
    pgTemplate = `amr_test_${process.pid}`;
    await withAdmin((c) => c.query(`CREATE DATABASE "${pgTemplate}"`));
    await migratePostgres(databaseUrl(testServerUrl(), pgTemplate));
  }
  project.provide("pgTemplate", pgTemplate);

  const { buildWorker } = await import("../scripts/build-engine.mjs");
  project.provide("amrWorkerPath", await buildWorker(path.join(dir, "amr-worker.mjs")));
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (pgTemplate) {
      const { rows } = await withAdmin((c) => c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${pgTemplate}%`]));
      for (const r of rows) await dropTestDatabase(r.datname);
    }
  };
}
