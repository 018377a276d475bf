import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { testServerUrl } from "../helpers/pg-admin";

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * The several-machines suite runs the real `next start`, so it needs a production build; it does
 * not build one itself (40 s, and `npm test` already builds for the e2e suite). The engine bundle
 * is made fresh, as in tests/global-setup.ts, so a stale build/ cannot decide the outcome.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("tests/multi needs a production build: run `npx next build` first.");
  }
  testServerUrl(); // fails early, with the explanation, when no PostgreSQL server is configured
  const dir = mkdtempSync(path.join(tmpdir(), "amr-multi-engine-"));
  const { buildWorker } = await import("../../scripts/build-engine.mjs");
  project.provide("amrWorkerPath", await buildWorker(path.join(dir, "amr-worker.mjs")));
  return () => rmSync(dir, { recursive: true, force: true });
}
