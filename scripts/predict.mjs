// npm run predict: runs the prebuilt CLI bundle (build/amr-predict.mjs) in this process, so the documented
// command costs one Node start-up, not a TypeScript loader's. The bundle is rebuilt first when it is missing
// or older than any of its sources; esbuild is loaded only then.
import { existsSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ENGINE_INPUTS, walkFiles } from "./lib/build-inputs.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = path.join(root, "build", "amr-predict.mjs");
const SOURCES = [...ENGINE_INPUTS, "scripts/predict.ts"];

function stale() {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  let newer = false;
  walkFiles(root, SOURCES, (_rel, full) => (newer ||= statSync(full).mtimeMs > built));
  return newer;
}

if (stale()) {
  const { buildCli } = await import("./build-engine.mjs");
  // Built aside and renamed, so a run started meanwhile never imports a half-written bundle.
  const tmp = `${bundle}.${process.pid}.tmp.mjs`;
  await buildCli(tmp);
  renameSync(tmp, bundle);
}
await import(pathToFileURL(bundle).href);
