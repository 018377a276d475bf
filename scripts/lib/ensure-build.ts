import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import { ENGINE_INPUTS, hashTree, NEXT_INPUTS, walkFiles } from "./build-inputs.mjs";

/**
 * Fresh: the stamp matches the sources. A build without a stamp (a plain `npx next build`)
 * counts as fresh when it is newer than every source file, and is stamped then.
 */
function fresh(root: string, inputs: string[], output: string, stamp: string, hash: string): boolean {
  const out = path.join(root, output);
  if (!existsSync(out)) return false;
  const stampFile = path.join(root, stamp);
  if (existsSync(stampFile)) return readFileSync(stampFile, "utf8") === hash;
  let newest = 0;
  walkFiles(root, inputs, (_rel, full) => (newest = Math.max(newest, statSync(full).mtimeMs)));
  if (statSync(out).mtimeMs <= newest) return false;
  writeFileSync(stampFile, hash);
  return true;
}

function run(root: string, cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
}

/** `next build` and the engine bundle, each only when missing or older than its sources. */
export function ensureBuild(root: string, log: (msg: string) => void = console.log): void {
  const engineHash = hashTree(root, ENGINE_INPUTS);
  if (!fresh(root, ENGINE_INPUTS, "build/amr-worker.mjs", "build/.engine-hash", engineHash)) {
    log("bundling the engine worker (scripts/build-engine.mjs)");
    run(root, process.execPath, ["scripts/build-engine.mjs"]);
    writeFileSync(path.join(root, "build/.engine-hash"), engineHash);
  }
  const nextHash = hashTree(root, NEXT_INPUTS);
  if (!fresh(root, NEXT_INPUTS, ".next/BUILD_ID", ".next/.source-hash", nextHash)) {
    log("building the app (next build, about a minute)");
    const t0 = performance.now();
    run(root, path.join(root, "node_modules", ".bin", "next"), ["build"]);
    writeFileSync(path.join(root, ".next/.source-hash"), nextHash);
    log(`next build took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
}
