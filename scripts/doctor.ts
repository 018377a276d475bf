// `npm run doctor` — checks this machine's configuration of AMR Predictor: settings, secrets,
// database (reachable, migrated), storage (readable, writable), workers (heartbeats), engine.
// Prints one line per finding and exits 1 if anything would stop the product from working.
import path from "node:path";
import { closeDb, configuredDatabaseUrl, createDb, dialectOfUrl } from "@/lib/db";
import { checkDatabase, checkSecrets, checkStorage, checkThisMachine, checkWorkers, committedMigrations, type Finding } from "@/lib/doctor/checks";
import { getEnv } from "@/lib/env";
import { getStorage } from "@/lib/storage";

const root = path.resolve(import.meta.dirname, "..");
const mark = { ok: "\x1b[32m✓\x1b[0m", warn: "\x1b[33m!\x1b[0m", fail: "\x1b[31m✗\x1b[0m" };
const print = (f: Finding) => console.log(`${mark[f.level]} ${f.check.padEnd(11)} ${f.message}`);

for (const f of [".env", ".env.local"]) {
  try {
    process.loadEnvFile(path.join(root, f));
  } catch {
    // optional files
  }
}

let env;
try {
  env = getEnv();
} catch (err) {
  console.log(`${mark.fail} config      ${(err as Error).message.replace(/\n/g, "\n              ")}`);
  process.exit(1);
}

const findings: Finding[] = [{ check: "config", level: "ok", message: "Every variable is valid." }, ...checkSecrets(env)];
const url = configuredDatabaseUrl();
const db = createDb(url);
try {
  const dbFindings = await checkDatabase(db, committedMigrations(root, dialectOfUrl(url)));
  findings.push(...dbFindings);
  findings.push(...(await checkStorage(getStorage())));
  if (dbFindings.every((f) => f.level === "ok")) findings.push(...(await checkWorkers(db)));
  findings.push(...checkThisMachine(env, root));
} finally {
  await closeDb(db);
}
findings.forEach(print);
const failed = findings.filter((f) => f.level === "fail").length;
console.log(failed ? `\n${failed} problem(s) to fix.` : "\nNo problems found.");
process.exit(failed ? 1 : 0);
