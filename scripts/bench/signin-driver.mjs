// Sign-ins in an open loop, in a process of their own: `rate` per second for `durationMs`, each
// as the sign-in form does it (GET /api/auth/csrf, then POST the credentials with json=true),
// each from its own account and its own address (X-Forwarded-For), as the rate limits see them.
// Reports each sign-in's latency (both requests) and outcome to the parent over IPC.
const cfg = JSON.parse(process.argv[2]);
const base = `http://127.0.0.1:${cfg.port}`;

async function signIn(username, ip) {
  const start = performance.now();
  try {
    const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
    const { csrfToken } = await csrf.json();
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const res = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": ip },
      body: new URLSearchParams({ username, password: cfg.password, csrfToken, json: "true" }),
      redirect: "manual",
    });
    const body = await res.json().catch(() => ({}));
    const failed = res.status === 200 && body.url && new URL(body.url).searchParams.get("error");
    return { ms: performance.now() - start, outcome: res.status === 200 && !failed ? "ok" : String(res.status) };
  } catch {
    return { ms: performance.now() - start, outcome: "no answer" };
  }
}

const results = [];
const pending = [];
const t0 = performance.now();
const total = Math.round((cfg.rate * cfg.durationMs) / 1000);
for (let i = 0; i < total; i++) {
  // Evenly spaced starts whatever the answers take (open loop).
  const due = t0 + (i * 1000) / cfg.rate;
  await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
  const n = cfg.firstUser + i;
  pending.push(signIn(`${cfg.usernamePrefix}${n}`, `198.18.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`).then((r) => results.push(r)));
}
await Promise.all(pending);
process.send({ results, seconds: (performance.now() - t0) / 1000 });
