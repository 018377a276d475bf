// `npm run bench:signin` (LD3): 200 users polling their job every 2 s (open loop) on a production
// server, alone, then with 4 sign-ins per second, then with 20 — each sign-in from its own account
// and address, as the form does it. Prints poll and sign-in percentiles, 503s and 429s, and
// whether any poller was rate-limited. Figures only; asserts nothing.
// Env: BENCH_SECONDS (30, each phase), BENCH_PORT (3340). Builds the app first when it is missing
// or older than its sources.
import { fork } from "node:child_process";
import path from "node:path";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import { ensureBuild } from "./lib/ensure-build";
import {
  busyPercentSince, cookieFor, cpuSample, describeErrors, eventLoopDelay, fmt, freshDatabase, makeAdmin, pct, poll,
  pollTargets, root, serverEnv, startServer, type DriverResult, type Server,
} from "./bench/harness";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 3340);
const PASSWORD = "bench sign-in password 42";
const RATES = [4, 20];
const dir = path.join(root, "data", "bench-signin");

interface SignIn {
  ms: number;
  outcome: string;
}

function signIns(rate: number, firstUser: number, durationMs: number): Promise<{ results: SignIn[]; seconds: number }> {
  return new Promise((resolve, reject) => {
    const cfg = { port: PORT, rate, durationMs, firstUser, usernamePrefix: "signin", password: PASSWORD };
    const child = fork(path.join(root, "scripts", "bench", "signin-driver.mjs"), [JSON.stringify(cfg)]);
    child.once("message", (m) => resolve(m as { results: SignIn[]; seconds: number }));
    child.once("error", reject);
  });
}

/** Accounts signin0…signinN-1, all with one real cost-12 hash (each compare costs the same). */
function addSignInUsers(file: string, n: number): void {
  const hash = bcrypt.hashSync(PASSWORD, 12);
  const db = new Database(file);
  const insert = db.prepare(
    "INSERT INTO users (id, username, username_key, password_hash, created_at, role, session_version) VALUES (?, ?, ?, ?, ?, 'user', 0)",
  );
  db.transaction(() => {
    for (let i = 0; i < n; i++) insert.run(crypto.randomUUID(), `signin${i}`, `signin${i}`, hash, new Date().toISOString().replace("Z", "+00:00"));
  })();
  db.close();
}

function reportPoll(r: DriverResult) {
  const limited = r.errorStatuses["429"] ?? 0;
  console.log(
    `  polls     n=${String(r.latencies.length).padStart(5)}  p50 ${fmt(pct(r.latencies, 50))}  p95 ${fmt(pct(r.latencies, 95))}  ` +
      `p99 ${fmt(pct(r.latencies, 99))} ms  errors: ${describeErrors(r.errorStatuses)}  pollers rate-limited: ${limited ? `YES (${limited})` : "no"}`,
  );
}

function reportSignIns(results: SignIn[]) {
  const by = (o: string) => results.filter((r) => r.outcome === o).map((r) => r.ms);
  const ok = by("ok");
  const busy = by("503");
  const others = results.filter((r) => !["ok", "503"].includes(r.outcome)).reduce<Record<string, number>>((a, r) => ((a[r.outcome] = (a[r.outcome] ?? 0) + 1), a), {});
  console.log(
    `  sign-ins  n=${String(results.length).padStart(5)}  signed in ${ok.length}: p50 ${fmt(pct(ok, 50))}  p95 ${fmt(pct(ok, 95))} ms;  ` +
      `503 ${busy.length}${busy.length ? ` (p50 ${fmt(pct(busy, 50))}  p95 ${fmt(pct(busy, 95))} ms)` : ""};  429 ${others["429"] ?? 0};  ` +
      `other: ${describeErrors(Object.fromEntries(Object.entries(others).filter(([k]) => k !== "429")))}`,
  );
}

async function main() {
  ensureBuild(root, (m) => console.log(`[bench] ${m}`));
  const { file, seeded } = freshDatabase(dir, { users: 1000, jobs: 20_000 });
  const signInUsers = Math.ceil(SECONDS * RATES.reduce((a, b) => a + b, 0) * 1.1) + 50;
  addSignInUsers(file, signInUsers);
  makeAdmin(file, seeded.users[0].id);
  const adminCookie = await cookieFor(seeded.users[0].id);
  const pollers = await pollTargets(file, seeded.pollJobs.slice(1, 201));
  let server: Server | undefined;
  try {
    server = await startServer(PORT, serverEnv(dir, file, PORT, { WORKER_ENABLED: "false" }));
    console.log(`LD3 sign-ins during polling: production server on SQLite, ${pollers.length} polling users, ${SECONDS} s per phase, bcrypt cost 12`);
    // Warm-up: routes compiled, caches and the hashing threads started.
    await Promise.all([poll(PORT, pollers.slice(0, 20), 3000, 200), signIns(2, signInUsers - 10, 3000)]);
    await eventLoopDelay(PORT, adminCookie);

    let nextUser = 0;
    for (const rate of [0, ...RATES]) {
      console.log(rate ? `\n— polling + ${rate} sign-ins/s` : "\n— polling alone");
      const cpu = cpuSample();
      const [polls, signed] = await Promise.all([
        poll(PORT, pollers, SECONDS * 1000),
        rate ? signIns(rate, nextUser, SECONDS * 1000) : Promise.resolve(null),
      ]);
      nextUser += rate * SECONDS;
      reportPoll(polls);
      if (signed) reportSignIns(signed.results);
      const loop = await eventLoopDelay(PORT, adminCookie);
      console.log(`  server event-loop delay: p50 ${loop?.p50} p99 ${loop?.p99} max ${loop?.max} ms;  machine CPU ${busyPercentSince(cpu)}% busy`);
    }
    console.log("\nLD3 targets: poll p95 ≤ 15 ms and sign-in p95 ≤ 1.5 s at 4/s; pollers never rate-limited; at 20/s poll p95 ≤ 15 ms and the excess a fast 503.");
  } finally {
    await server?.stop();
  }
}

await main();
