// A fresh PostgreSQL database for the PostgreSQL + S3 end-to-end run, on the test server
// (TEST_DATABASE_URL), migrated by `prisma migrate deploy` exactly as `npm start` would.
import { spawnSync } from "node:child_process";
import pg from "pg";

const server = process.env.TEST_DATABASE_URL;
if (!server) {
  console.error("TEST_DATABASE_URL is not set: the PostgreSQL + S3 e2e run needs a PostgreSQL server (npm test sets one up).");
  process.exit(1);
}
const name = process.env.E2E_PG_DATABASE ?? "amr_e2e";
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${name}"`);
await admin.end();
const url = new URL(server);
url.pathname = `/${name}`;
const r = spawnSync("node_modules/.bin/prisma", ["migrate", "deploy"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url.toString() } });
process.exit(r.status ?? 1);
