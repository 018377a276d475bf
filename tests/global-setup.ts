import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateFile } from "../scripts/lib/migrate-file";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
    amrWorkerPath: string;
  }
}

/**
 * Once per run: a migrated template database (each test copies it, ~0.1 ms, instead of
 * migrating) and a fresh bundle of the engine's worker thread.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "amr-test-template-"));
  const file = path.join(dir, "template.db");
  migrateFile(file);
  project.provide("templateDb", file);

  const { buildWorker } = await import("../scripts/build-engine.mjs");
  project.provide("amrWorkerPath", await buildWorker(path.join(dir, "amr-worker.mjs")));
  return () => rmSync(dir, { recursive: true, force: true });
}
