import { beforeEach, describe, expect, it } from "vitest";
import { changeMembers, createCollection } from "@/lib/collections/repository";
import { createShareLink } from "@/lib/shares/links";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { resetEnvCache } from "@/lib/env";
import { settleAfterResponse } from "@/lib/http/after-response";
import { claimNextJob } from "@/lib/jobs/job-repository";
import { systemClock } from "@/lib/jobs/worker/clock";
import { runClaimedJob } from "@/lib/jobs/worker/run-claimed-job";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest, sessionCookieFor } from "../helpers/auth";
import { controllableRunner } from "../helpers/fake-runner";
import { randomGenome, withAppStorage, type TempStorage } from "../helpers/jobs";
import { routeDirs, routeHandlers, type RouteHandler } from "../helpers/routes";
import { snapshotDatabase, snapshotFiles } from "../helpers/state-snapshot";
import { seedUser } from "../helpers/test-db";

// AS10. Every mutating handler found under app/api (a new route is attacked the moment it exists)
// gets the four forgeries a browser can be made to send, each with a live session, and must
// refuse each one before any side effect: the database (every table, every row) and the storage
// directory are the same afterwards. Then every GET handler is called, signed in, and must change
// nothing either.
//
// Callers meant to come from elsewhere, reasoned one by one:
// - NextAuth (/api/auth/[...nextauth]): sign-in and sign-out are posted by our own pages only, so
//   its POST gets the same Origin checks, before NextAuth's own double-submit CSRF token (which
//   still guards a same-origin form post); it takes only form-encoded bodies, so text/plain is 415.
// - API tokens: scripts send no Origin and are let through by the Origin check; a page on another
//   site cannot attach `Authorization` without a CORS preflight we never answer. A token request
//   that does carry a foreign Origin is refused like a cookie one (the last case below).
// - The cron route is GET only (Vercel Cron cannot send anything else) and does change state,
//   with `Authorization: Bearer $CRON_SECRET`: the one documented exception to "no GET mutates",
//   checked in both directions below. Without the secret it changes nothing.
const t = withAppTestDb();
let s: TempStorage;
withAppStorage((storage) => {
  s = storage;
});

const BASE = "http://localhost:3000";
const PASSWORD = "correct horse battery staple";
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"];
// A known route that disappeared from the sweep (renamed, or its handler not exported) fails it.
const KNOWN_MUTATING = [
  "PATCH api/admin/users/[id]",
  "POST api/auth/[...nextauth]",
  "POST api/auth/change-password",
  "POST api/auth/password-reset",
  "POST api/auth/password-reset/confirm",
  "POST api/auth/register",
  "POST api/auth/sign-out-everywhere",
  "POST api/jobs",
  "DELETE api/jobs/[id]",
  "POST api/jobs/[id]/cancel",
  "POST api/jobs/[id]/rerun",
  "POST api/tokens",
  "DELETE api/tokens/[id]",
  "POST api/uploads",
];

interface Fixture {
  admin: { id: string; role: string };
  queuedJobId: string;
  completedJobId: string;
  tokenId: string;
  tokenSecret: string;
  otherUserId: string;
  collectionId: string;
  shareLinkId: string;
  jobShareToken: string;
  collectionShareToken: string;
}
let f: Fixture;

async function uploadJob(user: { id: string; role: string }, seed: number): Promise<string> {
  const { POST } = await import("@/app/api/jobs/route");
  const form = new FormData();
  form.append("file", new Blob([randomGenome(1500, seed)]), "g.fa");
  const res = await POST(await authedRequest(`${BASE}/api/jobs`, user, { method: "POST", body: form }), { params: Promise.resolve({}) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

beforeEach(async () => {
  const db = t.current.db;
  const admin = await seedUser(db, { role: "admin" });
  const other = await seedUser(db);
  await db.user.update({ where: { id: other.id }, data: { email: "other@example.org" } });
  const completedJobId = await uploadJob(admin, 1);
  const claim = await claimNextJob(db, "w", { leaseMs: 30_000 });
  await runClaimedJob(
    { db, storage: s.storage, runner: controllableRunner().runner, clock: systemClock, leaseMs: 30_000, cancelPollMs: 50, progressIntervalMs: 0 },
    claim!,
    new AbortController().signal,
  );
  expect((await db.amrJob.findUniqueOrThrow({ where: { id: completedJobId } })).status).toBe("Completed");
  const queuedJobId = await uploadJob(admin, 2);
  const token = await createApiToken(db, admin.id, { name: "sweep", expiresInDays: 30 });
  const collection = await createCollection(db, admin.id, "sweep");
  await changeMembers(db, admin.id, collection.id, { add: [completedJobId] });
  const jobShare = await createShareLink(db, admin.id, { jobId: completedJobId, showOwner: false });
  const collectionShare = await createShareLink(db, admin.id, { collectionId: collection.id, showOwner: false });
  f = {
    admin,
    queuedJobId,
    completedJobId,
    tokenId: token.token.id,
    tokenSecret: token.secret,
    otherUserId: other.id,
    collectionId: collection.id,
    shareLinkId: jobShare.link.id,
    jobShareToken: jobShare.token,
    collectionShareToken: collectionShare.token,
  };
});

/** URL and params for a route, pointing at real resources so a missing check would really change them. */
function target(route: string, method: string): { url: string; params: Record<string, string | string[]> } {
  if (route === "api/auth/[...nextauth]") return { url: `${BASE}/api/auth/callback/credentials`, params: { nextauth: ["callback", "credentials"] } };
  const id = route.startsWith("api/tokens/")
    ? f.tokenId
    : route.startsWith("api/admin/users/")
      ? f.otherUserId
      : route.startsWith("api/collections/")
        ? f.collectionId
        : route.startsWith("api/share-links/")
          ? f.shareLinkId
          : route === "api/shares/[token]/matrix"
            ? f.collectionShareToken
            : route.startsWith("api/shares/")
              ? f.jobShareToken
              : method === "GET"
                ? f.completedJobId
                : f.queuedJobId;
  const params: Record<string, string> = {};
  for (const m of route.matchAll(/\[([^\].]+)\]/g)) params[m[1]] = id;
  return { url: `${BASE}/${route.replace(/\[[^\]]+\]/g, id)}`, params };
}

/** The body each route would accept from a signed-in user: what a forged request would carry. */
function validBody(route: string): { body: BodyInit; type: string | null } {
  const jsonBody = (v: unknown) => ({ body: JSON.stringify(v), type: "application/json" });
  switch (route) {
    case "api/jobs": {
      const form = new FormData();
      form.append("file", new Blob([randomGenome(1500, 3)]), "forged.fa");
      return { body: form, type: null }; // fetch sets the multipart boundary
    }
    case "api/auth/[...nextauth]":
      return { body: new URLSearchParams({ username: "someone", password: PASSWORD, csrfToken: "x" }).toString(), type: "application/x-www-form-urlencoded" };
    case "api/auth/register":
      return jsonBody({ username: "mallory", password: PASSWORD });
    case "api/auth/password-reset":
      return jsonBody({ email: "other@example.org" });
    case "api/auth/password-reset/confirm":
      return jsonBody({ token: "A".repeat(22), password: PASSWORD });
    case "api/auth/change-password":
      return jsonBody({ currentPassword: PASSWORD, newPassword: "amber lantern quiet river" });
    case "api/tokens":
      return jsonBody({ name: "forged", expiresInDays: 30 });
    case "api/admin/users/[id]":
      return jsonBody({ disabled: true });
    case "api/uploads":
      return jsonBody({ fileName: "g.fa", size: 1000 });
    default:
      return jsonBody({});
  }
}

const FORGERIES: { name: string; status: number; message: RegExp; headers: (route: string) => Promise<Record<string, string>>; textPlain?: true }[] = [
  { name: "a foreign Origin", status: 403, message: /Cross-site/, headers: async () => ({ origin: "https://evil.example", cookie: await cookie() }) },
  { name: "Origin: null", status: 403, message: /Cross-site/, headers: async () => ({ origin: "null", cookie: await cookie() }) },
  { name: "Sec-Fetch-Site: cross-site", status: 403, message: /Cross-site/, headers: async () => ({ "sec-fetch-site": "cross-site", cookie: await cookie() }) },
  // What a legacy browser's forged form would look like: neither Origin nor Sec-Fetch-Site.
  { name: "JSON sent as text/plain", status: 415, message: /application\/(json|x-www-form-urlencoded)/, headers: async () => ({ cookie: await cookie() }), textPlain: true },
  { name: "a bearer token with a foreign Origin", status: 403, message: /Cross-site/, headers: async () => ({ origin: "https://evil.example", authorization: `Bearer ${f.tokenSecret}` }) },
];
const cookie = () => sessionCookieFor(f.admin);

const rateLimitEvents = () => t.current.db.rateLimitEvent.count();

async function snapshot() {
  await settleAfterResponse();
  return { db: await snapshotDatabase(t.current.db), files: snapshotFiles(s.dir) };
}

const routes = routeDirs();
const methods = await Promise.all(routes.map(async (r) => ({ route: r, methods: Object.keys(await routeHandlers(r)) })));
const mutating = methods.flatMap(({ route, methods: ms }) => ms.filter((m) => MUTATING.includes(m)).map((m) => `${m} ${route}`));
const getters = methods.filter(({ methods: ms }) => ms.includes("GET")).map(({ route }) => route);

describe("cross-site forgeries of every mutating handler (AS10)", () => {
  it("finds the mutating handlers, every known one among them", () => {
    expect(mutating.length).toBeGreaterThan(0);
    for (const known of KNOWN_MUTATING) expect(mutating, known).toContain(known);
  });

  it.each(mutating)("%s refuses each forgery before any side effect", async (entry) => {
    const [method, route] = entry.split(" ");
    const handler = (await routeHandlers(route))[method]!;
    const { url, params } = target(route, method);
    const before = await snapshot();
    for (const forgery of FORGERIES) {
      const { body, type } = validBody(route);
      const headers = new Headers(await forgery.headers(route));
      if (forgery.textPlain) headers.set("content-type", "text/plain;charset=UTF-8");
      else if (type) headers.set("content-type", type);
      const req = new Request(url, { method, headers, body: forgery.textPlain ? JSON.stringify({ forged: true }) : body });
      const res = await handler(req, { params: Promise.resolve(params) });
      expect(res.status, `${entry} with ${forgery.name}`).toBe(forgery.status);
      expect(((await res.json()) as { error: { message: string } }).error.message, forgery.name).toMatch(forgery.message);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("the same request from our own origin does go through (the fixtures and the snapshot are live)", async () => {
    const before = await snapshot();
    const { DELETE } = await import("@/app/api/jobs/[id]/route");
    const req = await authedRequest(`${BASE}/api/jobs/${f.queuedJobId}`, f.admin, { method: "DELETE", headers: { "sec-fetch-site": "same-origin" } });
    expect((await DELETE(req, { params: Promise.resolve({ id: f.queuedJobId }) })).status).toBe(204);
    expect(await snapshot()).not.toEqual(before);
  });
});

// NextAuth's GET handlers need Next's request scope (next/headers) and run in the e2e suite. They
// cannot write: sessions are JWTs (no database adapter); /session re-signs the cookie after
// reading the auth row, /csrf sets a cookie, /signin and /signout render pages. Its only database
// write, the sign-out event, is reached by POST, which is swept above.
const GET_OUTSIDE_VITEST = new Set(["api/auth/[...nextauth]"]);
const QUERY: Record<string, string> = { "api/jobs/[id]/results": "?format=genes.tsv", "api/jobs": "?limit=5" };

describe("no GET changes state (AS10)", () => {
  it("finds the GET handlers, every known one among them", () => {
    for (const known of ["api/jobs", "api/jobs/[id]", "api/jobs/[id]/results", "api/tokens", "api/health", "api/cron/maintenance", ...GET_OUTSIDE_VITEST]) {
      expect(getters, known).toContain(known);
    }
  });

  it.each(getters.filter((r) => !GET_OUTSIDE_VITEST.has(r)))("GET /%s, signed in as an admin, changes nothing", async (route) => {
    const handler = (await routeHandlers(route)).GET as RouteHandler;
    process.env.METRICS_TOKEN = "metrics-token-0123456789";
    resetEnvCache();
    try {
      const { url, params } = target(route, "GET");
      const before = await snapshot();
      const counted = await rateLimitEvents();
      const headers = new Headers({ cookie: await cookie() });
      if (route === "api/metrics") headers.set("authorization", "Bearer metrics-token-0123456789");
      const res = await handler(new Request(url + (QUERY[route] ?? ""), { headers }), { params: Promise.resolve(params) });
      await res.arrayBuffer();
      // The cron route without its secret is refused; every other GET really did its work.
      expect(res.status, route).toBe(route === "api/cron/maintenance" ? 401 : 200);
      // Share pages count each request against the caller's address (guessing tokens must cost):
      // the one write a GET may make is that bookkeeping row, in the rate-limit table only.
      const after = await snapshot();
      if (route.startsWith("api/shares/")) {
        expect(await rateLimitEvents()).toBe(counted + 1);
        after.db.rate_limit_events = before.db.rate_limit_events;
      }
      expect(after).toEqual(before);
    } finally {
      delete process.env.METRICS_TOKEN;
      resetEnvCache();
    }
  });

  it("the documented exception: the cron route with its secret does run maintenance", async () => {
    const { GET } = await import("@/app/api/cron/maintenance/route");
    const before = await snapshot();
    const res = await GET(new Request(`${BASE}/api/cron/maintenance`, { headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } }));
    expect(res.status).toBe(200);
    expect((await snapshot()).db.maintenance_runs).not.toEqual(before.db.maintenance_runs);
  });
});
