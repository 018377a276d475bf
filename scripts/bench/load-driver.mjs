// A load generator in its own process (so the client never competes with the server's event loop
// inside one process). Modes:
//   open:   each target is polled every `intervalMs` from a random phase, whatever the latency
//           (requests are not held back by slow answers: open loop, as real browsers are);
//   closed: `connections` loops, each sending its next request as soon as the last one answered.
// Reports latencies (ms) and error counts to the parent over IPC.
import http from "node:http";

const cfg = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: cfg.maxSockets ?? 256 });

function request(target) {
  return new Promise((resolve) => {
    const start = performance.now();
    const req = http.request(
      { host: "127.0.0.1", port: cfg.port, path: target.path, method: "GET", agent, headers: target.headers ?? {} },
      (res) => {
        // Behave like a browser: keep the re-issued (sliding) session cookie.
        const fresh = res.headers["set-cookie"]?.find((c) => c.includes("session-token="));
        if (fresh && target.headers) target.headers.cookie = fresh.split(";")[0];
        res.resume();
        res.on("end", () => resolve({ ms: performance.now() - start, status: res.statusCode }));
      },
    );
    req.on("error", () => resolve({ ms: performance.now() - start, status: 0 }));
    req.setTimeout(10_000, () => req.destroy());
    req.end();
  });
}

const latencies = [];
let errors = 0;
let sent = 0;
// Which statuses the errors were (0: no answer), so a report can tell overload from a bug.
const errorStatuses = {};
const record = (r) => {
  latencies.push(r.ms);
  if (r.status !== 200 && r.status !== 304) {
    errors++;
    errorStatuses[r.status] = (errorStatuses[r.status] ?? 0) + 1;
  }
};

async function open() {
  const end = performance.now() + cfg.durationMs;
  const inflight = [];
  await Promise.all(
    cfg.targets.map(async (target) => {
      await new Promise((r) => setTimeout(r, Math.random() * cfg.intervalMs));
      let next = performance.now();
      while (next < end) {
        sent++;
        inflight.push(request(target).then(record));
        next += cfg.intervalMs;
        await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
      }
    }),
  );
  await Promise.all(inflight);
}

async function closed() {
  const end = performance.now() + cfg.durationMs;
  await Promise.all(
    Array.from({ length: cfg.connections }, async (_, i) => {
      const target = cfg.targets[i % cfg.targets.length];
      while (performance.now() < end) {
        sent++;
        record(await request(target));
      }
    }),
  );
}

const t0 = performance.now();
await (cfg.mode === "open" ? open() : closed());
process.send({ latencies, errors, errorStatuses, sent, seconds: (performance.now() - t0) / 1000 });
agent.destroy();
