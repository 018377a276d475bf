import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/collections/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/collections/[id]/route";
import { POST as membersRoute } from "@/app/api/collections/[id]/members/route";
import { GET as matrixRoute } from "@/app/api/collections/[id]/matrix/route";
import { POST as uploadJob } from "@/app/api/jobs/route";
import { POST as startUpload } from "@/app/api/uploads/route";
import { DELETE as deleteJobRoute } from "@/app/api/jobs/[id]/route";
import { clearMatrixCache } from "@/lib/collections/matrix-service";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest } from "../helpers/auth";
import { seedFinishedJob } from "../helpers/collections";
import { filesUnder, randomGenome, withAppStorage, type TempStorage } from "../helpers/jobs";
import { seedUser } from "../helpers/test-db";

const t = withAppTestDb();
let s: TempStorage;
withAppStorage((storage) => {
  s = storage;
});

const BASE = "http://localhost:3000";
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({}) };
const jsonInit = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function create(user: { id: string }, name: string) {
  const res = await createRoute(await authedRequest(`${BASE}/api/collections`, user, jsonInit("POST", { name })), noParams);
  return { res, body: await res.json() };
}

async function members(user: { id: string }, id: string, change: unknown) {
  const res = await membersRoute(await authedRequest(`${BASE}/api/collections/${id}/members`, user, jsonInit("POST", change)), ctx(id));
  return { res, body: res.status === 204 ? null : await res.json() };
}

function uploadForm(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new Blob([randomGenome(1500)]), "g.fa");
  return form;
}

describe("collections", () => {
  it("creates (trimmed), lists newest first with counts, renames, refuses duplicates with error.fields.name, deletes", async () => {
    const user = await seedUser(t.current.db);
    const a = await create(user, "  Outbreak 7  ");
    expect(a.res.status).toBe(201);
    expect(a.body).toMatchObject({ name: "Outbreak 7", jobCount: 0 });
    expect(Object.keys(a.body).sort()).toEqual(["createdAt", "id", "jobCount", "name", "updatedAt"]);
    const b = await create(user, "Week 48");
    const dup = await create(user, "Outbreak 7");
    expect(dup.res.status).toBe(409);
    expect(dup.body.error.fields.name).toMatch(/already/);
    const empty = await create(user, "   ");
    expect(empty.res.status).toBe(400);
    expect(empty.body.error.fields.name).toBeTruthy();
    expect((await create(user, "x".repeat(101))).res.status).toBe(400);

    const list = await (await listRoute(await authedRequest(`${BASE}/api/collections`, user), noParams)).json();
    expect(list.collections.map((c: { name: string }) => c.name)).toEqual(["Week 48", "Outbreak 7"]);

    const renamed = await patchRoute(await authedRequest(`${BASE}/api/collections/${a.body.id}`, user, jsonInit("PATCH", { name: "Outbreak 8" })), ctx(a.body.id));
    expect((await renamed.json()).name).toBe("Outbreak 8");
    const clash = await patchRoute(await authedRequest(`${BASE}/api/collections/${a.body.id}`, user, jsonInit("PATCH", { name: "Week 48" })), ctx(a.body.id));
    expect(clash.status).toBe(409);

    const del = await deleteRoute(await authedRequest(`${BASE}/api/collections/${b.body.id}`, user, { method: "DELETE" }), ctx(b.body.id));
    expect(del.status).toBe(204);
    expect((await getRoute(await authedRequest(`${BASE}/api/collections/${b.body.id}`, user), ctx(b.body.id))).status).toBe(404);
  });

  it("another user's collection is a 404 for every method, and its name is free for them", async () => {
    const owner = await seedUser(t.current.db);
    const other = await seedUser(t.current.db);
    const { body } = await create(owner, "Mine");
    const job = await seedFinishedJob(t.current.db, s.storage, other.id, { name: "theirs" });
    expect((await getRoute(await authedRequest(`${BASE}/api/collections/${body.id}`, other), ctx(body.id))).status).toBe(404);
    expect((await patchRoute(await authedRequest(`${BASE}/api/collections/${body.id}`, other, jsonInit("PATCH", { name: "x" })), ctx(body.id))).status).toBe(404);
    expect((await members(other, body.id, { add: [job] })).res.status).toBe(404);
    expect((await matrixRoute(await authedRequest(`${BASE}/api/collections/${body.id}/matrix`, other), ctx(body.id))).status).toBe(404);
    expect((await deleteRoute(await authedRequest(`${BASE}/api/collections/${body.id}`, other, { method: "DELETE" }), ctx(body.id))).status).toBe(404);
    expect((await create(other, "Mine")).res.status).toBe(201);
    expect(await t.current.db.collection.count({ where: { id: body.id } })).toBe(1);
    expect(await t.current.db.collectionJob.count()).toBe(0);
  });

  it("adds and removes members; a foreign job id anywhere in the request → 404 and nothing changes", async () => {
    const user = await seedUser(t.current.db);
    const other = await seedUser(t.current.db);
    const { body: c } = await create(user, "Run 12");
    const [j1, j2, j3] = [
      await seedFinishedJob(t.current.db, s.storage, user.id, { name: "a" }),
      await seedFinishedJob(t.current.db, s.storage, user.id, { name: "b" }),
      await seedFinishedJob(t.current.db, s.storage, user.id, { name: "c" }),
    ];
    const foreign = await seedFinishedJob(t.current.db, s.storage, other.id, { name: "x" });

    const first = await members(user, c.id, { add: [j1, j2, j1] });
    expect(first.body).toEqual({ added: 2, removed: 0, jobCount: 2 });
    const again = await members(user, c.id, { add: [j2, j3], remove: [j1] });
    expect(again.body).toEqual({ added: 1, removed: 1, jobCount: 2 });

    const refused = await members(user, c.id, { add: [foreign, j1], remove: [j2] });
    expect(refused.res.status).toBe(404);
    const missing = await members(user, c.id, { remove: ["00000000-0000-4000-8000-000000000000"] });
    expect(missing.res.status).toBe(404);
    const rows = await t.current.db.collectionJob.findMany({ where: { collectionId: c.id }, select: { jobId: true } });
    expect(rows.map((r) => r.jobId).sort()).toEqual([j2, j3].sort());

    const tooMany = await members(user, c.id, { add: Array.from({ length: 501 }, () => crypto.randomUUID()) });
    expect(tooMany.res.status).toBe(400);
    expect((await members(user, c.id, {})).res.status).toBe(400);
  });

  it("a matrix poll revalidates: unchanged → 304 per format (cache cold or warm), a new member → 200 with a new ETag", async () => {
    const user = await seedUser(t.current.db);
    const { body: c } = await create(user, "Polled");
    await members(user, c.id, { add: [await seedFinishedJob(t.current.db, s.storage, user.id, { name: "g1" })] });
    const get = async (format: string, etag?: string) =>
      matrixRoute(await authedRequest(`${BASE}/api/collections/${c.id}/matrix?format=${format}`, user, { headers: etag ? { "if-none-match": etag } : {} }), ctx(c.id));
    const first = await get("json");
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect((await get("json", etag)).status).toBe(304);
    clearMatrixCache(); // another server, or an evicted entry: still a 304
    expect((await get("json", etag)).status).toBe(304);
    expect((await get("csv", etag)).status).toBe(200); // each format is its own representation
    await members(user, c.id, { add: [await seedFinishedJob(t.current.db, s.storage, user.id, { name: "g2" })] });
    const changed = await get("json", etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(((await changed.json()) as { counts: { total: number } }).counts.total).toBe(2);
  });

  it("a job can be in several collections; deleting a collection keeps its jobs, deleting a job keeps the collection", async () => {
    const user = await seedUser(t.current.db);
    const { body: a } = await create(user, "A");
    const { body: b } = await create(user, "B");
    const j1 = await seedFinishedJob(t.current.db, s.storage, user.id, { name: "a" });
    const j2 = await seedFinishedJob(t.current.db, s.storage, user.id, { name: "b" });
    await members(user, a.id, { add: [j1, j2] });
    await members(user, b.id, { add: [j1] });
    await deleteRoute(await authedRequest(`${BASE}/api/collections/${a.id}`, user, { method: "DELETE" }), ctx(a.id));
    expect(await t.current.db.amrJob.count({ where: { id: { in: [j1, j2] } } })).toBe(2);
    expect((await deleteJobRoute(await authedRequest(`${BASE}/api/jobs/${j1}`, user, { method: "DELETE" }), ctx(j1))).status).toBe(204);
    const left = await (await getRoute(await authedRequest(`${BASE}/api/collections/${b.id}`, user), ctx(b.id))).json();
    expect(left).toMatchObject({ name: "B", jobCount: 0 });
  });

  it("upload with collection_id joins the new job to the user's collection", async () => {
    const user = await seedUser(t.current.db);
    const { body: c } = await create(user, "Uploads");
    const snake = await uploadJob(await authedRequest(`${BASE}/api/jobs`, user, { method: "POST", body: uploadForm({ collection_id: c.id }) }), noParams);
    expect(snake.status).toBe(201);
    const camel = await uploadJob(await authedRequest(`${BASE}/api/jobs`, user, { method: "POST", body: uploadForm({ collectionId: c.id }) }), noParams);
    expect(camel.status).toBe(201);
    const ids = [(await snake.json()).id, (await camel.json()).id];
    const rows = await t.current.db.collectionJob.findMany({ where: { collectionId: c.id }, select: { jobId: true } });
    expect(rows.map((r) => r.jobId).sort()).toEqual(ids.sort());
  });

  it("upload with another user's (or no such) collection → 404, and no job, no file", async () => {
    const owner = await seedUser(t.current.db);
    const user = await seedUser(t.current.db);
    const { body: c } = await create(owner, "Not yours");
    for (const id of [c.id, "00000000-0000-4000-8000-000000000000"]) {
      const res = await uploadJob(await authedRequest(`${BASE}/api/jobs`, user, { method: "POST", body: uploadForm({ collection_id: id }) }), noParams);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
    const bad = await uploadJob(await authedRequest(`${BASE}/api/jobs`, user, { method: "POST", body: uploadForm({ collection_id: "nope" }) }), noParams);
    expect(bad.status).toBe(400);
    expect(await t.current.db.amrJob.count()).toBe(0);
    expect(filesUnder(s.dir)).toEqual([]);
    // The direct-upload start checks it too, before anything is sent.
    const start = await startUpload(await authedRequest(`${BASE}/api/uploads`, user, jsonInit("POST", { fileName: "g.fa", collectionId: c.id })), noParams);
    expect(start.status).toBe(404);
    expect((await start.json()).error.message).toBe("Collection not found.");
  });
});
