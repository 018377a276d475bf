// Dev tool: the production server under --cpu-prof while 10 connections poll (TARGET=health for
// the baseline); profiles land in /tmp/prof, `node scripts/bench/cpuprof-top.mjs` summarises them.
// Needs the bench database (npm run bench:api once).
import { spawn, fork } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
const root = process.cwd();
const dir = path.join(root, "data", "bench");
const PORT = 3302;
process.env.NEXTAUTH_SECRET = "bench-secret-bench-secret-bench-secret-42";
process.env.NEXTAUTH_URL = `http://localhost:${PORT}`;
const { encodeSessionToken } = await import("@/lib/auth/session-token");
const db = new Database(path.join(dir, "bench.db"));
db.exec("UPDATE amr_jobs SET status='Cancelled' WHERE status IN ('Submitted','Processing')");
const rows = db.prepare("SELECT id, user_id FROM amr_jobs ORDER BY created_at DESC LIMIT 10").all() as { id: string; user_id: string }[];
db.close();
const targets = await Promise.all(rows.map(async (r) => ({ path: process.env.TARGET === "health" ? "/api/health" : `/api/jobs/${r.id}`, headers: { cookie: `next-auth.session-token=${await encodeSessionToken({ sub: r.user_id, sv: 0, authTime: Math.floor(Date.now() / 1000) })}` } })));
const server = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir=/tmp/prof", "node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
  env: { ...process.env, NODE_ENV: "production", DATABASE_FILE: `file:${path.join(dir, "bench.db")}`, STORAGE_DIR: path.join(dir, "storage"), SCHEDULER_ENABLED: "false", WORKER_ENABLED: "false" },
  stdio: ["ignore", "ignore", "inherit"],
});
for (;;) { try { if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 200)); }
const drive = (cfg: object) => new Promise<{ latencies: number[]; seconds: number }>((res) => { const c = fork("scripts/bench/load-driver.mjs", [JSON.stringify({ port: PORT, ...cfg })]); c.once("message", (m) => res(m as { latencies: number[]; seconds: number })); });
await drive({ mode: "closed", connections: 10, durationMs: 3000, targets });
const r = await drive({ mode: "closed", connections: 10, durationMs: 8000, targets });
console.log("rps", (r.latencies.length / r.seconds).toFixed(0));
server.kill("SIGINT");
await new Promise((res) => server.once("exit", res));
