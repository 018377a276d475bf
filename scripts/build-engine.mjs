// Bundles the engine's worker (and a standalone CLI for the benchmark) into plain ESM files under build/,
// so a Next.js server can start the worker by path whatever bundler built the app.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const common = { bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning" };

/** Writes the worker bundle to `outfile` (default build/amr-worker.mjs). */
export async function buildWorker(outfile = path.join(root, "build", "amr-worker.mjs")) {
  await build({ ...common, entryPoints: [path.join(root, "lib", "amr", "worker-entry.ts")], outfile });
  return outfile;
}

/**
 * Writes the CLI bundle to `outfile` (default build/amr-predict.cjs), as CommonJS: scripts/predict.cjs
 * requires it, which is faster than Node's ES module loader (see there).
 */
export async function buildCli(outfile = path.join(root, "build", "amr-predict.cjs")) {
  await build({ ...common, format: "cjs", entryPoints: [path.join(root, "scripts", "predict.ts")], outfile });
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outputs = [await buildWorker(), await buildCli()];
  console.log(`built ${outputs.map((f) => path.relative(root, f)).join(", ")}`);
}
