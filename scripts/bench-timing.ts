// npm run bench:timing [-- --only enumeration,engine,maintenance] [--rounds N]
//
// Figures that tests must not assert (these machines are noisy), printed here instead:
// - enumeration: sign-in with a wrong password for a known and an unknown username, and a reset
//   request for a known and an unknown address — medians and the gap between them (AS4, AS5);
// - engine: the caller's event-loop lag while a 3 Mbp prediction runs off its loop, and how long the
//   run takes to stop after an abort;
// - maintenance: 20 000 eligible jobs archived and purged: wall time, peak heap and RSS, retained heap.
// Each runs in this process on a throwaway SQLite file and temp directory.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import { build } from "esbuild";
import { migrateFile } from "./lib/migrate-file";

const { values } = parseArgs({
  options: { only: { type: "string" }, rounds: { type: "string", default: "15" } },
});
const only = new Set((values.only ?? "enumeration,engine,maintenance").split(","));
const rounds = Number(values.rounds);
const root = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "amr-bench-timing-"));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function enumeration(): Promise<void> {
  const file = path.join(work, "enumeration.db");
  migrateFile(file, root);
  process.env.DATABASE_FILE = `file:${file}`;
  process.env.NEXTAUTH_SECRET ??= "bench-timing-secret-bench-timing-secret-0123";
  process.env.NEXTAUTH_URL ??= "http://localhost:3000";
  const { createDb, overrideAppDb } = await import("@/lib/db");
  const { createUser } = await import("@/lib/auth/users");
  const { authorizeCredentials } = await import("@/lib/auth/authorize-credentials");
  const { POST: requestReset } = await import("@/app/api/auth/password-reset/route");
  const { settleAfterResponse } = await import("@/lib/http/after-response");
  const { setMailTransport } = await import("@/lib/mail/transport");
  const db = createDb(`file:${file}`);
  overrideAppDb(db);
  setMailTransport(async () => undefined);
  // One account per round: per-account limits (sign-in lockout, resets per address) must not kick in.
  for (let i = 0; i < rounds; i++) {
    await createUser(db, { username: `ken${i}`, email: `ken${i}@example.org`, password: "correct horse battery staple" });
  }

  // A different address each time, so no attempt is refused by the per-address limit.
  let n = 0;
  const address = () => `198.51.${Math.floor(n / 250) % 250}.${n++ % 250}`;
  const from = () => ({ "x-forwarded-for": address() });
  // The credentials provider's own check (reserve the attempt, verify, clear on success).
  const signIn = async (username: string) => {
    if (await authorizeCredentials(db, { username, password: "definitely wrong" }, from())) throw new Error("signed in with a wrong password");
  };
  const reset = async (email: string) => {
    const req = new Request("http://localhost:3000/api/auth/password-reset", {
      method: "POST",
      headers: { "content-type": "application/json", ...from() },
      body: JSON.stringify({ email }),
    });
    const res = await requestReset(req, { params: Promise.resolve({}) });
    if (res.status !== 202) throw new Error(`reset answered ${res.status}`);
  };

  const known: number[] = [];
  const unknown: number[] = [];
  const knownReset: number[] = [];
  const unknownReset: number[] = [];
  await signIn("warm-up"); // bcrypt's dummy hash and the modules
  for (let i = 0; i < rounds; i++) {
    known.push(await timed(() => signIn(`ken${i}`)));
    unknown.push(await timed(() => signIn(`ghost${i}`)));
    knownReset.push(await timed(() => reset(`ken${i}@example.org`)));
    await settleAfterResponse();
    unknownReset.push(await timed(() => reset(`nobody${i}@example.org`)));
    await settleAfterResponse();
  }
  const gap = (a: number[], b: number[]) => Math.abs(median(a) - median(b));
  console.log(`\n## Enumeration timing (${rounds} rounds each, bcrypt cost ${process.env.BCRYPT_COST ?? 12})`);
  console.log(`| request | known | unknown | gap |\n|---|---|---|---|`);
  console.log(`| sign-in, wrong password | ${ms(median(known))} | ${ms(median(unknown))} | ${ms(gap(known, unknown))} |`);
  console.log(`| password reset request | ${ms(median(knownReset))} | ${ms(median(unknownReset))} | ${ms(gap(knownReset, unknownReset))} |`);
  setMailTransport(undefined);
  overrideAppDb(undefined);
  await db.$disconnect();
}

async function engine(): Promise<void> {
  const { seededRandom } = await import("@/lib/seeded-random");
  const { runPredictionInWorker } = await import("@/lib/amr/runner");
  const { resolveParams } = await import("@/lib/amr/models");
  const workerPath = path.join(work, "amr-worker.mjs");
  await build({
    entryPoints: [path.join(root, "lib/amr/worker-entry.ts")],
    outfile: workerPath, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "silent",
  });
  const rand = seededRandom(99);
  const big = path.join(work, "big.fa");
  const seq = Buffer.alloc(3_000_000);
  for (let i = 0; i < seq.length; i++) seq[i] = "ACGT".charCodeAt(Math.floor(rand() * 4));
  writeFileSync(big, Buffer.concat([Buffer.from(">big\n"), seq, Buffer.from("\n")]));
  const resolved = resolveParams({ segmentLength: 1000, batchSize: 1 });
  if (!resolved.ok) throw new Error("bad params");

  console.log(`\n## Engine off the caller's event loop (3 Mbp, aborted after 100 segments)`);
  console.log(`| isolation | max event-loop lag | stop after abort |\n|---|---|---|`);
  for (const isolation of ["process", "thread"] as const) {
    const controller = new AbortController();
    let maxLag = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      maxLag = Math.max(maxLag, now - last - 10);
      last = now;
    }, 10);
    let abortedAt = 0;
    await runPredictionInWorker({
      inputPath: big,
      params: resolved.params,
      workerPath,
      isolation,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === "searching" && p.segmentsDone >= 100 && !abortedAt) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    }).catch(() => undefined);
    const stop = performance.now() - abortedAt;
    clearInterval(ticker);
    console.log(`| ${isolation} | ${ms(maxLag)} | ${ms(stop)} |`);
  }
}

async function maintenance(): Promise<void> {
  const file = path.join(work, "maintenance.db");
  migrateFile(file, root);
  const { createDb } = await import("@/lib/db");
  const { LocalStorage } = await import("@/lib/storage/local-storage");
  const { runMaintenance } = await import("@/lib/maintenance/run-maintenance");
  const { DEFAULT_RETENTION_POLICY } = await import("@/lib/maintenance/policy");
  const now = new Date("2027-03-15T12:00:00.000Z");
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const storage = new LocalStorage(path.join(work, "storage"));
  const db = createDb(`file:${file}`);
  const userId = randomUUID();
  await db.user.create({ data: { id: userId, username: "bench", usernameKey: "bench", passwordHash: "x" } });
  const { seedBulkJobs } = await import("../tests/helpers/bulk-jobs");
  await seedBulkJobs({ file }, userId, [
    { status: "Error", completedAt: daysAgo(8), count: 10_000 },
    { status: "Completed", completedAt: daysAgo(31), count: 10_000 },
  ]);

  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  gc();
  const baseline = process.memoryUsage();
  let peakHeap = baseline.heapUsed;
  let peakRss = baseline.rss;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 20);
  const t0 = performance.now();
  const result = await runMaintenance({ db, storage, policy: DEFAULT_RETENTION_POLICY, trigger: "cli", clock: () => now, log: () => undefined });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  gc();
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
  console.log(`\n## Maintenance over 20 000 eligible jobs (SQLite)`);
  console.log(`archived ${result.archived}, purged ${result.purged} in ${seconds.toFixed(1)} s`);
  console.log(`peak heap +${mb(peakHeap - baseline.heapUsed)} (garbage included), retained after GC ${mb(process.memoryUsage().heapUsed - baseline.heapUsed)}, peak RSS +${mb(peakRss - baseline.rss)}`);
  await db.$disconnect();
}

try {
  if (only.has("enumeration")) await enumeration();
  if (only.has("engine")) await engine();
  if (only.has("maintenance")) await maintenance();
} finally {
  rmSync(work, { recursive: true, force: true });
}
