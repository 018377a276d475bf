import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as openApiRoute } from "@/app/api/openapi.json/route";
import { GET as listJobs, POST as uploadJob } from "@/app/api/jobs/route";
import { GET as modelsRoute } from "@/app/api/models/route";
import { POST as createTokenRoute } from "@/app/api/tokens/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { OPERATIONS } from "@/lib/openapi/document";
import { jobDetailExample } from "@/lib/openapi/examples";
import { createdTokenSchema, healthSchema, jobDetailSchema, jobPageSchema, modelsResponseSchema } from "@/lib/openapi/response-schemas";
import { overrideStorage } from "@/lib/storage";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest } from "../helpers/auth";
import { randomGenome, tempStorage } from "../helpers/jobs";
import { seedUser } from "../helpers/test-db";

const t = withAppTestDb();
const root = path.resolve(import.meta.dirname, "..", "..", "app");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
const BASE = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };

function routeDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeDirs(full);
    return /^route\.(ts|tsx|js)$/.test(e.name) ? ["/" + path.relative(root, dir).split(path.sep).join("/")] : [];
  });
}

/** A route directory as a pattern over OpenAPI paths: [id] → {id}, [...rest] → one or more segments. */
function routePattern(route: string): RegExp {
  const body = route
    .split("/")
    .map((seg) => (/^\[\.\.\./.test(seg) ? "[^{}]+(?:/[^{}]+)*" : /^\[.+\]$/.test(seg) ? `\\{${seg.slice(1, -1)}\\}` : seg.replace(/[.]/g, "\\.")))
    .join("/");
  return new RegExp(`^${body}$`);
}

const routes = routeDirs(path.join(root, "api"));
const documented = OPERATIONS.map((op) => ({ path: op.path, method: op.method.toUpperCase() }));
// A catch-all matches many paths; a specific route claims its own path first, as Next routes them.
const owner = (docPath: string) =>
  routes.filter((r) => routePattern(r).test(docPath)).sort((a, b) => Number(a.includes("[...")) - Number(b.includes("[...")))[0];

describe("OpenAPI document", () => {
  it("documents every method of every route under app/api", async () => {
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const mod = (await import(/* @vite-ignore */ path.join(root, route, "route.ts"))) as Record<string, unknown>;
      const methods = METHODS.filter((m) => typeof mod[m] === "function");
      for (const method of methods) {
        const hit = documented.some((d) => d.method === method && owner(d.path) === route);
        expect(hit, `${method} ${route} is not in lib/openapi`).toBe(true);
      }
    }
  });

  it("documents no path that no route serves, and no method a route does not export", async () => {
    for (const d of documented) {
      const route = owner(d.path);
      expect(route, `${d.method} ${d.path} has no route`).toBeDefined();
      const mod = (await import(/* @vite-ignore */ path.join(root, route!, "route.ts"))) as Record<string, unknown>;
      expect(typeof mod[d.method], `${d.method} ${d.path}`).toBe("function");
    }
  });

  it("has examples that validate against their schemas", () => {
    let checked = 0;
    for (const op of OPERATIONS) {
      const media = [...(op.body ? [op.body] : []), ...(op.altBody ? [op.altBody] : []), ...Object.values(op.responses).flatMap((r) => r.content ?? [])];
      for (const m of media) {
        const result = m.schema.safeParse(m.example);
        expect(result.success, `${op.method} ${op.path} ${m.contentType}: ${result.error?.message}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    // And the check can fail: a wrong status is refused.
    expect(jobDetailSchema.safeParse({ ...jobDetailExample, status: "Done" }).success).toBe(false);
  });

  it("is served as OpenAPI 3.1 JSON with security schemes and the examples in it", async () => {
    const res = await openApiRoute(new Request(`${BASE}/api/openapi.json`), noParams);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.securitySchemes)).toEqual(expect.arrayContaining(["bearerToken", "sessionCookie"]));
    const upload = doc.paths["/api/jobs"].post;
    expect(upload.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    expect(Object.keys(upload.requestBody.content)).toEqual(["multipart/form-data", "application/json"]);
    expect(doc.paths["/api/tokens"].post.security).toEqual([{ sessionCookie: [] }]);
    expect(doc.paths["/api/jobs/{id}"].get.responses["200"].content["application/json"].example.id).toBe(jobDetailExample.id);
  });
});

describe("response schemas match what the routes really send", () => {
  let s: ReturnType<typeof tempStorage>;
  beforeEach(() => {
    s = tempStorage();
    overrideStorage(s.storage);
  });
  afterEach(() => {
    overrideStorage(undefined);
    s.cleanup();
  });

  it("jobs, models, tokens and health", async () => {
    const user = await seedUser(t.current.db);
    const form = new FormData();
    form.append("file", new Blob([randomGenome(1200)]), "g.fa");
    const created = await uploadJob(await authedRequest(`${BASE}/api/jobs`, user, { method: "POST", body: form }), noParams);
    expect(jobDetailSchema.parse(await created.json()).status).toBe("Submitted");
    expect(jobPageSchema.parse(await (await listJobs(await authedRequest(`${BASE}/api/jobs`, user), noParams)).json()).items).toHaveLength(1);
    modelsResponseSchema.parse(await (await modelsRoute(await authedRequest(`${BASE}/api/models`, user), noParams)).json());
    const token = await createTokenRoute(
      await authedRequest(`${BASE}/api/tokens`, user, { method: "POST", body: JSON.stringify({ name: "n" }), headers: { "content-type": "application/json" } }),
      noParams,
    );
    createdTokenSchema.parse(await token.json());
    healthSchema.parse(await (await healthRoute(new Request(`${BASE}/api/health`))).json());
  });
});
