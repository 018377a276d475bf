import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GET as listJobs, POST as uploadJob } from "@/app/api/jobs/route";
import { DELETE as deleteJobRoute, GET as getJobRoute } from "@/app/api/jobs/[id]/route";
import { POST as cancelRoute } from "@/app/api/jobs/[id]/cancel/route";
import { GET as resultsRoute } from "@/app/api/jobs/[id]/results/route";
import { POST as rerunRoute } from "@/app/api/jobs/[id]/rerun/route";
import { GET as modelsRoute } from "@/app/api/models/route";
import { claimNextJob } from "@/lib/jobs/job-repository";
import { systemClock } from "@/lib/jobs/worker/clock";
import { runClaimedJob } from "@/lib/jobs/worker/run-claimed-job";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest } from "../helpers/auth";
import { controllableRunner } from "../helpers/fake-runner";
import { EXAMPLES, filesUnder, randomGenome, withAppStorage, type TempStorage } from "../helpers/jobs";
import { seedUser } from "../helpers/test-db";

const t = withAppTestDb();
let s: TempStorage;
withAppStorage((storage) => {
  s = storage;
});

const BASE = "http://localhost:3000";
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({}) };

async function upload(user: { id: string }, data: string | Uint8Array = randomGenome(2000), name = "g.fa") {
  const form = new FormData();
  form.append("file", new Blob([data as BlobPart]), name);
  form.append("jobName", "routes test");
  const res = await uploadJob(await authedRequest(`${BASE}/api/jobs`, user, { method: "POST", body: form }), noParams);
  return { res, body: await res.json() };
}

async function complete(jobId: string) {
  const claim = await claimNextJob(t.current.db, "w", { leaseMs: 30_000 });
  expect(claim?.jobId).toBe(jobId);
  await runClaimedJob(
    { db: t.current.db, storage: s.storage, runner: controllableRunner().runner, clock: systemClock, leaseMs: 30_000, cancelPollMs: 50, progressIntervalMs: 0 },
    claim!,
    new AbortController().signal,
  );
}

describe("job routes", () => {
  it("upload answers 201 with a DTO (no paths), then list and read show it", async () => {
    const user = await seedUser(t.current.db);
    const { res, body } = await upload(user, readFileSync(`${EXAMPLES}/test_isolate_02.fa`), "test_isolate_02.fa");
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/jobs/${body.id}`);
    expect(body).toMatchObject({ name: "routes test", status: "Submitted", input: { contigs: 1, bases: 876 } });
    expect(JSON.stringify(body)).not.toMatch(/inputs\/|storage|leaseToken|userId/);

    const list = await listJobs(await authedRequest(`${BASE}/api/jobs?limit=5`, user), noParams);
    expect(list.status).toBe(200);
    expect((await list.json()).items.map((j: { id: string }) => j.id)).toEqual([body.id]);
    const one = await getJobRoute(await authedRequest(`${BASE}/api/jobs/${body.id}`, user), ctx(body.id));
    expect((await one.json()).params.modelName).toBe("resfinder-genes");
  });

  it("maps upload failures to 413, 422 and 400 with a JSON message", async () => {
    const user = await seedUser(t.current.db);
    const bad = await upload(user, "\x89PNG\r\n\x1a\n....", "x.fa");
    expect(bad.res.status).toBe(422);
    expect(bad.body.error.code).toBe("invalid_genome");
    const form = new FormData();
    form.append("file", new Blob([randomGenome(300)]), "x.fa");
    form.append("segmentLength", "10");
    const res = await uploadJob(await authedRequest(`${BASE}/api/jobs`, user, { method: "POST", body: form }), noParams);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/1000/);
    expect(filesUnder(s.dir)).toEqual([]);
  });

  it("refuses anonymous and cross-site requests", async () => {
    const anon = await listJobs(new Request(`${BASE}/api/jobs`), noParams);
    expect(anon.status).toBe(401);
    const user = await seedUser(t.current.db);
    const form = new FormData();
    form.append("file", new Blob([randomGenome(300)]), "x.fa");
    const cross = await uploadJob(
      await authedRequest(`${BASE}/api/jobs`, user, { method: "POST", body: form, headers: { origin: "https://evil.example" } }),
      noParams,
    );
    expect(cross.status).toBe(403);
    expect(await t.current.db.amrJob.count()).toBe(0);
  });

  it("answers 404 to every job route for another user's job, and changes nothing", async () => {
    const owner = await seedUser(t.current.db);
    const intruder = await seedUser(t.current.db);
    const { body } = await upload(owner);
    const id = body.id as string;
    await complete(id);
    const before = await t.current.db.amrJob.findUnique({ where: { id } });

    const calls: [string, Promise<Response>][] = [
      ["read", getJobRoute(await authedRequest(`${BASE}/api/jobs/${id}`, intruder), ctx(id))],
      ["results", resultsRoute(await authedRequest(`${BASE}/api/jobs/${id}/results?format=genes.tsv`, intruder), ctx(id))],
      ["cancel", cancelRoute(await authedRequest(`${BASE}/api/jobs/${id}/cancel`, intruder, { method: "POST" }), ctx(id))],
      ["rerun", rerunRoute(await authedRequest(`${BASE}/api/jobs/${id}/rerun`, intruder, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }), ctx(id))],
      ["delete", deleteJobRoute(await authedRequest(`${BASE}/api/jobs/${id}`, intruder, { method: "DELETE" }), ctx(id))],
    ];
    for (const [name, call] of calls) {
      const res = await call;
      expect(res.status, name).toBe(404);
      expect((await res.json()).error.code, name).toBe("not_found");
    }
    expect(await t.current.db.amrJob.findUnique({ where: { id } })).toEqual(before);
    expect(await t.current.db.amrJob.count()).toBe(1);
    const list = await listJobs(await authedRequest(`${BASE}/api/jobs`, intruder), noParams);
    expect((await list.json()).items).toEqual([]);
  });

  it("serves results as attachments with nosniff and an RFC 6266 file name, 409 before completion", async () => {
    const user = await seedUser(t.current.db);
    const { body } = await upload(user);
    const early = await resultsRoute(await authedRequest(`${BASE}/api/jobs/${body.id}/results?format=json`, user), ctx(body.id));
    expect(early.status).toBe(409);
    await complete(body.id);
    const res = await resultsRoute(await authedRequest(`${BASE}/api/jobs/${body.id}/results?format=genes.tsv`, user), ctx(body.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="routes test.genes.tsv"; filename*=UTF-8''routes%20test.genes.tsv`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-type")).toMatch(/tab-separated/);
    expect(await res.text()).toMatch(/^sample\trefId/);
    const etag = res.headers.get("etag")!;
    const again = await resultsRoute(
      await authedRequest(`${BASE}/api/jobs/${body.id}/results?format=genes.tsv`, user, { headers: { "if-none-match": etag } }),
      ctx(body.id),
    );
    expect(again.status).toBe(304);
    const badFormat = await resultsRoute(await authedRequest(`${BASE}/api/jobs/${body.id}/results?format=exe`, user), ctx(body.id));
    expect(badFormat.status).toBe(400);
  });

  it("cancel answers 409 once finished; delete answers 204 and removes everything; rerun copies the genome", async () => {
    const user = await seedUser(t.current.db);
    const { body } = await upload(user);
    await complete(body.id);
    const cancel = await cancelRoute(await authedRequest(`${BASE}/api/jobs/${body.id}/cancel`, user, { method: "POST" }), ctx(body.id));
    expect(cancel.status).toBe(409);

    const rerun = await rerunRoute(
      await authedRequest(`${BASE}/api/jobs/${body.id}/rerun`, user, {
        method: "POST",
        body: JSON.stringify({ minIdentity: 90 }),
        headers: { "content-type": "application/json" },
      }),
      ctx(body.id),
    );
    expect(rerun.status).toBe(201);
    const copy = await rerun.json();
    expect(copy.params.minIdentity).toBe(90);
    expect(copy.params).toEqual({ ...body.params, minIdentity: 90 }); // everything not sent is kept
    expect(copy.input.sha256).toBe(body.input.sha256);

    const del = await deleteJobRoute(await authedRequest(`${BASE}/api/jobs/${body.id}`, user, { method: "DELETE" }), ctx(body.id));
    expect(del.status).toBe(204);
    expect(filesUnder(s.dir)).toEqual([`inputs/${copy.id}.fa`]);
    const gone = await getJobRoute(await authedRequest(`${BASE}/api/jobs/${body.id}`, user), ctx(body.id));
    expect(gone.status).toBe(404);
  });

  it("lists models with parameter ranges and the upload limit", async () => {
    const user = await seedUser(t.current.db);
    const res = await modelsRoute(await authedRequest(`${BASE}/api/models`, user), noParams);
    const body = await res.json();
    expect(body.models[0].parameters.find((p: { name: string }) => p.name === "batch_size")).toMatchObject({ min: 1, max: 1024, default: 8 });
    expect(body.limits.maxUploadBytes).toBeGreaterThan(0);
  });

  it("rejects a malformed job id with 400", async () => {
    const user = await seedUser(t.current.db);
    const res = await getJobRoute(await authedRequest(`${BASE}/api/jobs/..%2f..`, user), ctx("../.."));
    expect(res.status).toBe(400);
  });
});

describe("conditional polling", () => {
  it("answers 304 while a job is unchanged and 200 with a new ETag after any write", async () => {
    const user = await seedUser(t.current.db);
    const { body } = await upload(user);
    const get = async (etag?: string) =>
      getJobRoute(await authedRequest(`${BASE}/api/jobs/${body.id}`, user, { headers: etag ? { "if-none-match": etag } : {} }), ctx(body.id));
    const first = await get();
    const etag = first.headers.get("etag")!;
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const unchanged = await get(etag);
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");

    await complete(body.id); // claim, progress and completion each bump the version
    const changed = await get(etag);
    expect(changed.status).toBe(200);
    expect((await changed.json()).status).toBe("Completed");
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("does the same for the list, and another user's ETag never matches", async () => {
    const user = await seedUser(t.current.db);
    await upload(user);
    const list = async (u: { id: string }, etag?: string) =>
      listJobs(await authedRequest(`${BASE}/api/jobs`, u, { headers: etag ? { "if-none-match": etag } : {} }), noParams);
    const etag = (await list(user)).headers.get("etag")!;
    expect((await list(user, etag)).status).toBe(304);
    await upload(user);
    expect((await list(user, etag)).status).toBe(200);
    const other = await seedUser(t.current.db);
    const res = await list(other, etag);
    expect(res.status).toBe(200);
    expect((await res.json()).items).toEqual([]);
  });
});
