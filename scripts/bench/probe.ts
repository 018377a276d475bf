// Dev probe (not a benchmark): server-side vs client-side latency of the poll on the bench DB.
import { spawn } from "node:child_process";
import { fork } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
const root = process.cwd();
const dir = path.join(root, "data", "bench");
const PORT = 3301;
const SECRET = "bench-secret-bench-secret-bench-secret-42";
process.env.NEXTAUTH_SECRET = SECRET;
process.env.NEXTAUTH_URL = `http://localhost:${PORT}`;
const { encodeSessionToken } = await import("@/lib/auth/session-token");
const db = new Database(path.join(dir, "bench.db"), { readonly: true });
const rows = db.prepare("SELECT id, user_id FROM amr_jobs ORDER BY created_at DESC LIMIT 200").all() as { id: string; user_id: string }[];
const admin = (db.prepare("SELECT id FROM users WHERE role='admin'").get() as { id: string }).id;
db.close();
const cookie = async (id: string) => `next-auth.session-token=${await encodeSessionToken({ sub: id, sv: 0, authTime: Math.floor(Date.now() / 1000) })}`;
const targets = await Promise.all(rows.map(async (r) => ({ path: `/api/jobs/${r.id}`, headers: { cookie: await cookie(r.user_id) } })));
const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
  env: { ...process.env, NODE_ENV: "production", DATABASE_FILE: `file:${path.join(dir, "bench.db")}`, STORAGE_DIR: path.join(dir, "storage"), SCHEDULER_ENABLED: "false", ...(process.env.PROBE_ENV ? JSON.parse(process.env.PROBE_ENV) : {}) },
  stdio: ["ignore", "ignore", "inherit"],
});
for (;;) { try { if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 200)); }
const drive = (cfg: object) => new Promise<{ latencies: number[] }>((res) => { const c = fork("scripts/bench/load-driver.mjs", [JSON.stringify({ port: PORT, ...cfg })]); c.once("message", (m) => res(m as { latencies: number[] })); });
await drive({ mode: "closed", connections: 4, durationMs: 3000, targets: targets.slice(0, 20) });
const ac = await cookie(admin);
await fetch(`http://127.0.0.1:${PORT}/api/admin/metrics`, { headers: { cookie: ac } });
const split = [0, 1].map((i) => targets.filter((_, j) => j % 2 === i));
const results = await Promise.all(split.map((t) => drive({ mode: "open", intervalMs: 2000, durationMs: 15000, targets: t })));
const lat = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
const p = (q: number) => lat[Math.floor(q * lat.length)].toFixed(2);
console.log(`client: n=${lat.length} p50 ${p(0.5)} p95 ${p(0.95)} p99 ${p(0.99)}`);
const m = await (await fetch(`http://127.0.0.1:${PORT}/api/admin/metrics`, { headers: { cookie: ac } })).json();
console.log("server routes:", JSON.stringify(m.routes.filter((r: { route: string }) => r.route.startsWith("/api/jobs"))));
console.log("db:", JSON.stringify(m.database.slice(0, 4)));
console.log("loop:", JSON.stringify(m.process.eventLoopDelayMs));
server.kill();
