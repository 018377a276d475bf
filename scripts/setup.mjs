#!/usr/bin/env node
// The two commands of the README: `npm start` and `npm test`. Each prepares whatever a fresh
// clone lacks (system packages, node_modules, Prisma client, migrations, engine bundle, build)
// and skips what is already up to date, so a second run starts in seconds.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, appendFileSync } from "node:fs";
import path from "node:path";
import { ENGINE_INPUTS, hashTree, NEXT_INPUTS } from "./lib/build-inputs.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const mode = process.argv[2];
if (mode !== "start" && mode !== "test") {
  console.error("usage: node scripts/setup.mjs start|test");
  process.exit(2);
}

const quietEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  // The Prisma CLI runs on its JS engine through the adapter; these stop it looking for binaries.
  PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
  PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
};
Object.assign(process.env, quietEnv, { ...process.env });

/** Local binaries directly: no npx resolution cost, and signals reach the real process. */
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const log = (msg) => console.log(`\x1b[36m[setup]\x1b[0m ${msg}`);

function run(cmd, args, opts = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env, ...opts });
  if (r.status !== 0) {
    console.error(`[setup] ${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  return Date.now() - t0;
}

// --- System packages -------------------------------------------------------------------
const systemNeeds = [
  { pkg: "resfinder-db", file: "/usr/share/resfinder/db/config", why: "the ResFinder gene database the engine searches" },
  ...(mode === "test"
    ? [
        { pkg: "chromium", file: "/usr/bin/chromium", why: "the browser the end-to-end tests drive" },
        {
          pkg: "resfinder-example",
          file: "/usr/share/doc/resfinder/examples/data",
          why: "ResFinder's test isolates, used by the agreement tests",
        },
      ]
    : []),
];

function ensureSystemPackages() {
  const dbOverride = process.env.AMR_DB_DIR;
  const missing = systemNeeds.filter((n) => !(n.pkg === "resfinder-db" && dbOverride ? existsSync(dbOverride) : existsSync(n.file)));
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    log(`installing system packages: ${missing.map((m) => m.pkg).join(" ")}`);
    run("apt-get", ["update", "-q"]);
    run("apt-get", ["install", "-y", "-q", "--no-install-recommends", ...missing.map((m) => m.pkg)], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    return;
  }
  console.error("[setup] These system packages are missing:");
  for (const m of missing) console.error(`  - ${m.pkg}: ${m.why} (expected ${m.file})`);
  console.error(
    hasApt
      ? `Install them as root: sudo apt-get install -y ${missing.map((m) => m.pkg).join(" ")}`
      : "On Debian/Ubuntu: apt-get install them. Elsewhere: get the ResFinder database (point AMR_DB_DIR at it) and a Chromium (CHROMIUM_PATH).",
  );
  if (mode === "test" || missing.some((m) => m.pkg === "resfinder-db")) process.exit(1);
}

// --- node_modules and the Prisma client --------------------------------------------------
function ensureNodeModules() {
  const marker = "node_modules/.package-lock.json";
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync("package-lock.json").mtimeMs) return;
  log("installing npm dependencies (npm ci)");
  const ms = run("npm", ["ci", "--no-audit", "--no-fund"]);
  log(`npm ci took ${(ms / 1000).toFixed(1)} s`);
}

/** Both dialects' clients: the app picks one at run time from DATABASE_URL. */
function ensurePrismaClient() {
  for (const [schema, generated] of [
    ["prisma/schema.prisma", "generated/prisma/client.ts"],
    ["prisma/postgres/schema.prisma", "generated/prisma-pg/client.ts"],
  ]) {
    if (existsSync(generated) && statSync(generated).mtimeMs >= statSync(schema).mtimeMs) continue;
    log(`generating the Prisma client for ${schema}`);
    run(bin("prisma"), ["generate", "--schema", schema]);
  }
}

// --- PostgreSQL for the tests -----------------------------------------------------------------
/**
 * The integration suite runs a second time on PostgreSQL. TEST_DATABASE_URL names a server where
 * the role may CREATE DATABASE; without it, as root on Debian, a local cluster is installed if
 * missing, started, and given an `amr` role.
 */
function ensureTestPostgres() {
  if (process.env.TEST_DATABASE_URL) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (!isRoot || !hasApt) {
    console.error(
      "[setup] The tests need a PostgreSQL server (the integration suite runs on SQLite and on PostgreSQL).\n" +
        "  Set TEST_DATABASE_URL to one where the role may create databases, e.g.\n" +
        "  TEST_DATABASE_URL=postgresql://amr:amr@127.0.0.1:5432/postgres npm test\n" +
        "  (as root on Debian, npm test installs and starts a local one itself).",
    );
    process.exit(1);
  }
  const versions = () => (existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").filter((v) => /^\d+$/.test(v)) : []);
  if (versions().length === 0 || !existsSync("/usr/bin/pg_ctlcluster")) {
    log("installing PostgreSQL (apt-get install postgresql)");
    run("apt-get", ["update", "-q"]);
    run("apt-get", ["install", "-y", "-q", "--no-install-recommends", "postgresql"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  }
  const version = versions().sort((a, b) => Number(b) - Number(a))[0];
  if (!existsSync(`/etc/postgresql/${version}/main`)) run("pg_createcluster", [version, "main"]);
  const status = spawnSync("pg_ctlcluster", [version, "main", "status"], { stdio: "ignore" });
  if (status.status !== 0) {
    log(`starting PostgreSQL ${version}`);
    run("pg_ctlcluster", [version, "main", "start"]);
  }
  // Debian authenticates the postgres superuser by peer on the socket; the app's role uses a password over TCP.
  const psql = (sql) => spawnSync("runuser", ["-u", "postgres", "--", "psql", "-qtAc", sql], { encoding: "utf8" });
  if (psql("SELECT 1 FROM pg_roles WHERE rolname = 'amr'").stdout.trim() !== "1") {
    const r = psql("CREATE ROLE amr LOGIN CREATEDB PASSWORD 'amr'");
    if (r.status !== 0) {
      console.error(`[setup] could not create the PostgreSQL role for the tests: ${r.stderr}`);
      process.exit(1);
    }
  }
  process.env.TEST_DATABASE_URL = "postgresql://amr:amr@127.0.0.1:5432/postgres";
}

// --- Configuration -------------------------------------------------------------------------
/** First run with no configuration: generate development secrets into git-ignored .env.local. */
function ensureLocalSecrets() {
  const file = ".env.local";
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  const lines = [];
  if (!/^NEXTAUTH_SECRET=/m.test(current) && !process.env.NEXTAUTH_SECRET) {
    lines.push(`NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}`);
  }
  if (!/^CRON_SECRET=/m.test(current) && !process.env.CRON_SECRET) {
    lines.push(`CRON_SECRET=${randomBytes(24).toString("base64url")}`);
  }
  if (lines.length) {
    appendFileSync(file, `${current && !current.endsWith("\n") ? "\n" : ""}# generated by npm start on ${new Date().toISOString()}\n${lines.join("\n")}\n`, { mode: 0o600 });
    log(`generated ${lines.map((l) => l.split("=")[0]).join(", ")} into ${file} (git-ignored)`);
  }
  for (const f of [".env", ".env.local"]) if (existsSync(f)) process.loadEnvFile(f);
  process.env.DATABASE_FILE ??= "file:./prisma/dev.db";
}

/** prisma.config.ts applies prisma/postgres/migrations when DATABASE_URL is PostgreSQL, prisma/migrations otherwise. */
function migrate() {
  const pg = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
  log(`applying migrations to ${pg ? "the PostgreSQL database in DATABASE_URL" : process.env.DATABASE_FILE}`);
  run(bin("prisma"), ["migrate", "deploy"]);
}

// --- Builds --------------------------------------------------------------------------------
function ensureEngineBundle() {
  const stamp = "build/.engine-hash";
  const hash = hashTree(root, ENGINE_INPUTS);
  if (existsSync("build/amr-worker.mjs") && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  if (!existsSync("scripts/build-engine.mjs")) return;
  log("bundling the engine worker");
  run("node", ["scripts/build-engine.mjs"]);
  writeFileSync(stamp, hash);
}

function ensureNextBuild() {
  const stamp = ".next/.source-hash";
  const hash = hashTree(root, NEXT_INPUTS);
  if (existsSync(".next/BUILD_ID") && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  log("building the app (next build)");
  const ms = run(bin("next"), ["build"]);
  log(`next build took ${(ms / 1000).toFixed(1)} s`);
  writeFileSync(stamp, hash);
}

// --- Test runners --------------------------------------------------------------------------
function runCounted(cmd, args, parse, env = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const counts = parse();
  if (r.status !== 0 && counts.failed === 0) counts.failed = 1; // crashed before reporting
  return counts;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function runVitest(name, args, env = {}) {
  const out = `test-results/${name}.json`;
  return runCounted(bin("vitest"), ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], () => {
    const j = readJson(out);
    return { passed: j?.numPassedTests ?? 0, failed: j ? j.numFailedTests : 0, skipped: j?.numPendingTests ?? 0 };
  }, env);
}

function runPlaywright(name, args) {
  const out = `test-results/${name}.json`;
  return runCounted(bin("playwright"), ["test", ...args, "--reporter=list,json"], () => {
    const st = readJson(out)?.stats;
    return { passed: st?.expected ?? 0, failed: (st?.unexpected ?? 0) + (st?.flaky ?? 0), skipped: st?.skipped ?? 0 };
  }, { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
}

/** ESLint with Next's rules, zero warnings allowed: one check, passed or failed, in the total. */
function runLint() {
  log("eslint (Next.js rules, --max-warnings 0)");
  const r = spawnSync(bin("eslint"), [".", "--max-warnings", "0"], { stdio: "inherit" });
  return { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1, skipped: 0 };
}

function runTests() {
  ensureTestPostgres();
  const tLint = Date.now();
  const lint = runLint();
  const t0 = Date.now();
  const vitest = runVitest("vitest", []);
  const tSqlite = Date.now();
  log("integration suite again, on PostgreSQL");
  const vitestPg = runVitest("vitest-postgres", [], { TEST_DIALECT: "postgres" });
  const t1 = Date.now();
  ensureNextBuild();
  const e2eLocal = runPlaywright("playwright", []);
  log("e2e again, deployed on PostgreSQL + S3 (s3rver)");
  const e2eCloud = runPlaywright("playwright-cloud", ["-c", "playwright.cloud.config.ts"]);
  const e2e = { passed: e2eLocal.passed + e2eCloud.passed, failed: e2eLocal.failed + e2eCloud.failed, skipped: e2eLocal.skipped + e2eCloud.skipped };
  const t2 = Date.now();
  log("several machines: two servers and two workers on one PostgreSQL database");
  const multi = runVitest("vitest-multi", ["--config", "vitest.multi.config.mts"]);
  const t3 = Date.now();
  const all = [lint, vitest, vitestPg, e2e, multi];
  const passed = all.reduce((n, r) => n + r.passed, 0);
  const failed = all.reduce((n, r) => n + r.failed, 0);
  const skipped = all.reduce((n, r) => n + r.skipped, 0);
  console.log(`\neslint: ${lint.failed ? "failed" : "clean"} (${((t0 - tLint) / 1000).toFixed(1)} s)`);
  console.log(`vitest (SQLite): ${vitest.passed} passed, ${vitest.failed} failed (${((tSqlite - t0) / 1000).toFixed(1)} s)`);
  console.log(`vitest (PostgreSQL): ${vitestPg.passed} passed, ${vitestPg.failed} failed (${((t1 - tSqlite) / 1000).toFixed(1)} s)`);
  console.log(`playwright: ${e2eLocal.passed} passed, ${e2eLocal.failed} failed; on PostgreSQL + S3: ${e2eCloud.passed} passed, ${e2eCloud.failed} failed (${((t2 - t1) / 1000).toFixed(1)} s incl. build)`);
  console.log(`several machines: ${multi.passed} passed, ${multi.failed} failed (${((t3 - t2) / 1000).toFixed(1)} s)`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  process.exit(failed > 0 ? 1 : 0);
}

// --- Main ----------------------------------------------------------------------------------
ensureSystemPackages();
ensureNodeModules();
ensurePrismaClient();
ensureEngineBundle();
if (mode === "start") {
  ensureLocalSecrets();
  migrate();
  ensureNextBuild();
  const port = process.env.PORT ?? "3000";
  log(`serving on http://localhost:${port}`);
  const child = spawn(bin("next"), ["start", "-p", port], { stdio: "inherit", env: process.env });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
} else {
  runTests();
}
