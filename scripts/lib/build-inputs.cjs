// What each build is made from, and the hash that says whether a build is current. Shared by
// scripts/setup.mjs (npm start / npm test) and scripts/lib/ensure-build.ts (benchmarks), which
// write the same stamp files: with two lists, each would take the other's build for stale.
// CommonJS, so scripts/predict.cjs can require it without Node's ES module loader (build-inputs.mjs
// re-exports it for the ES modules).
"use strict";
const { createHash } = require("node:crypto");
const { existsSync, readFileSync, readdirSync, statSync } = require("node:fs");
const path = require("node:path");

const NEXT_INPUTS = ["app", "lib", "components", "public", "proxy.ts", "instrumentation.ts", "next.config.mjs",
  "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma", "prisma/postgres/schema.prisma"];
const ENGINE_INPUTS = ["lib/amr", "scripts/build-engine.mjs"];

/** Calls visit(relative, full) for every file under the inputs, in a stable order. */
function walkFiles(root, inputs, visit) {
  const walk = (p) => {
    const full = path.join(root, p);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) walk(path.join(p, name));
    } else {
      visit(p, full);
    }
  };
  inputs.forEach(walk);
}

function hashTree(root, inputs) {
  const h = createHash("sha256");
  walkFiles(root, inputs, (rel, full) => h.update(rel).update("\0").update(readFileSync(full)).update("\0"));
  return h.digest("hex");
}

module.exports = { NEXT_INPUTS, ENGINE_INPUTS, walkFiles, hashTree };
