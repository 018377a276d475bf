// npm run predict: runs the prebuilt CLI bundle (build/amr-predict.cjs) in this process, so the documented
// command costs one Node start-up, not a TypeScript loader's. The bundle is rebuilt first when it is
// missing or older than any of its sources; esbuild is loaded only then.
// CommonJS, wrapper and bundle both: run through require, a gene-rich genome takes about 30 ms less than
// through Node's ES module loader (paired runs; docs/engine.md).
"use strict";
const { existsSync, renameSync, statSync } = require("node:fs");
const path = require("node:path");
const { ENGINE_INPUTS, walkFiles } = require("./lib/build-inputs.cjs");

const root = path.resolve(__dirname, "..");
const bundle = path.join(root, "build", "amr-predict.cjs");
const SOURCES = [...ENGINE_INPUTS, "scripts/predict.ts"];

function stale() {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  let newer = false;
  walkFiles(root, SOURCES, (_rel, full) => (newer ||= statSync(full).mtimeMs > built));
  return newer;
}

async function rebuild() {
  const { buildCli } = await import("./build-engine.mjs");
  // Built aside and renamed, so a run started meanwhile never loads a half-written bundle.
  const tmp = `${bundle}.${process.pid}.tmp.cjs`;
  await buildCli(tmp);
  renameSync(tmp, bundle);
}

if (stale()) {
  rebuild().then(
    () => require(bundle),
    (err) => {
      process.stderr.write(`predict: error: could not build the CLI bundle: ${err instanceof Error ? err.message : err}\n`);
      process.exit(1);
    },
  );
} else {
  require(bundle);
}
