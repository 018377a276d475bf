import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { GET as listLinks, POST as createLinkRoute } from "@/app/api/share-links/route";
import { DELETE as revokeRoute } from "@/app/api/share-links/[id]/route";
import { GET as shareRoute } from "@/app/api/shares/[token]/route";
import { GET as shareResults } from "@/app/api/shares/[token]/results/route";
import { GET as shareMatrix } from "@/app/api/shares/[token]/matrix/route";
import { changeMembers, createCollection } from "@/lib/collections/repository";
import { clearMatrixCache } from "@/lib/collections/matrix-service";
import { resolveShare } from "@/lib/shares/resolve";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest } from "../helpers/auth";
import { resultWith, seedFinishedJob } from "../helpers/collections";
import { withAppStorage, type TempStorage } from "../helpers/jobs";
import { seedUser } from "../helpers/test-db";

const t = withAppTestDb();
let s: TempStorage;
withAppStorage((storage) => {
  s = storage;
  clearMatrixCache();
});

const BASE = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };
const tok = (token: string) => ({ params: Promise.resolve({ token }) });
const anon = (path: string, ip = "203.0.113.7") => new Request(`${BASE}${path}`, { headers: { "x-forwarded-for": ip } });
const TEM = { gene: "blaTEM-1B", class: "beta-lactam", identity: 100, antibiotics: ["ampicillin"] };

async function share(user: { id: string }, body: Record<string, unknown>) {
  const res = await createLinkRoute(await authedRequest(`${BASE}/api/share-links`, user, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), noParams);
  return { res, body: await res.json() };
}

async function setup() {
  const owner = await t.current.db.user.create({ data: { id: crypto.randomUUID(), username: "dr_owner", email: "owner@example.org", passwordHash: "x" } });
  const jobA = await seedFinishedJob(t.current.db, s.storage, owner.id, { name: "isolate A", result: resultWith([TEM]) });
  const jobB = await seedFinishedJob(t.current.db, s.storage, owner.id, { name: "isolate B", result: resultWith([]) });
  const c = await createCollection(t.current.db, owner.id, "outbreak");
  await changeMembers(t.current.db, owner.id, c.id, { add: [jobA] });
  return { owner, jobA, jobB, collection: c };
}

describe("share links", () => {
  it("a job's link shows that job and its downloads to anyone, without the owner's name, with noindex", async () => {
    const { owner, jobA } = await setup();
    const { res, body } = await share(owner, { jobId: jobA, expiresInDays: 7 });
    expect(res.status).toBe(201);
    expect(body.path).toBe(`/s/${body.token}`);
    expect(body.link).toMatchObject({ kind: "job", targetId: jobA, targetName: "isolate A", status: "active", showOwner: false });
    const stored = await t.current.db.shareLink.findFirstOrThrow();
    expect(stored.tokenHash).not.toContain(body.token);
    expect(JSON.stringify(stored)).not.toContain(body.token);

    const view = await shareRoute(anon(`/api/shares/${body.token}`), tok(body.token));
    expect(view.status).toBe(200);
    expect(view.headers.get("x-robots-tag")).toMatch(/noindex/);
    const data = await view.json();
    expect(data).toMatchObject({ kind: "job", owner: null, job: { id: jobA, name: "isolate A", status: "Completed" } });
    expect(JSON.stringify(data)).not.toMatch(/dr_owner|owner@example|userId|results\//);

    const file = await shareResults(anon(`/api/shares/${body.token}/results?format=phenotypes.tsv`), tok(body.token));
    expect(file.status).toBe(200);
    expect(await file.text()).toMatch(/ampicillin/);
    // A job's link opens no collection view.
    expect((await shareMatrix(anon(`/api/shares/${body.token}/matrix`), tok(body.token))).status).toBe(404);
  });

  it("shows the owner's name only when chosen", async () => {
    const { owner, jobA } = await setup();
    const { body } = await share(owner, { jobId: jobA, showOwner: true });
    expect((await (await shareRoute(anon(`/api/shares/${body.token}`), tok(body.token))).json()).owner).toBe("dr_owner");
  });

  it("a collection's link opens its matrix and downloads; the workbook has one sheet per view", async () => {
    const { owner, collection, jobA } = await setup();
    const { body } = await share(owner, { collectionId: collection.id });
    const view = await (await shareRoute(anon(`/api/shares/${body.token}`), tok(body.token))).json();
    expect(view).toMatchObject({ kind: "collection", collection: { name: "outbreak", jobCount: 1 } });
    const matrix = await (await shareMatrix(anon(`/api/shares/${body.token}/matrix`), tok(body.token))).json();
    expect(matrix.rows.map((r: { jobId: string }) => r.jobId)).toEqual([jobA]);
    const tsv = await shareMatrix(anon(`/api/shares/${body.token}/matrix?format=tsv`), tok(body.token));
    expect(await tsv.text()).toBe("genome\tjob_id\tampicillin\nclass\t\tbeta-lactam\nisolate A\t" + jobA + "\tR\n");
    const xlsx = await shareMatrix(anon(`/api/shares/${body.token}/matrix?format=xlsx`), tok(body.token));
    expect(xlsx.headers.get("content-disposition")).toMatch(/outbreak\.resistance\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Resistance", "Genes", "Share resistant", "Notes"]);
    expect(wb.getWorksheet("Resistance")!.getRow(3).getCell(2).value).toBe("R (blaTEM-1B)");
    // A collection's link opens no job download directly.
    expect((await shareResults(anon(`/api/shares/${body.token}/results`), tok(body.token))).status).toBe(404);
  });

  it("no IDOR: a link to job A never reaches job B; a collection link reaches only its own matrix", async () => {
    const { owner, jobA, jobB } = await setup();
    const { body } = await share(owner, { jobId: jobA });
    // Nothing in the share routes takes a job id: whatever the query says, the token decides.
    const res = await shareResults(anon(`/api/shares/${body.token}/results?format=json&id=${jobB}&jobId=${jobB}`), tok(body.token));
    expect((await res.json()).genes.map((g: { gene: string }) => g.gene)).toEqual(["blaTEM-1B"]);
    const target = await resolveShare(t.current.db, body.token);
    expect(target).toMatchObject({ kind: "job", jobId: jobA });
  });

  it("revoked, expired, unknown and malformed links all answer the same 404 (with noindex)", async () => {
    const { owner, jobA } = await setup();
    const revoked = await share(owner, { jobId: jobA });
    const expiring = await share(owner, { jobId: jobA, expiresInDays: 1 });
    const del = await revokeRoute(await authedRequest(`${BASE}/api/share-links/${revoked.body.link.id}`, owner, { method: "DELETE" }), { params: Promise.resolve({ id: revoked.body.link.id }) });
    expect(del.status).toBe(204);

    const bodies: string[] = [];
    const unknown = "A".repeat(43);
    for (const token of [revoked.body.token, unknown, "short", "../../api/jobs"]) {
      const res = await shareRoute(anon(`/api/shares/x`), tok(token));
      expect(res.status).toBe(404);
      expect(res.headers.get("x-robots-tag")).toMatch(/noindex/);
      bodies.push(await res.text());
    }
    expect(new Set(bodies).size).toBe(1);

    // Expiry, by an injected clock: valid a moment before, 404 from the expiry on.
    const created = new Date(expiring.body.link.createdAt).getTime();
    await expect(resolveShare(t.current.db, expiring.body.token, new Date(created + 86_400_000 - 1))).resolves.toMatchObject({ jobId: jobA });
    await expect(resolveShare(t.current.db, expiring.body.token, new Date(created + 86_400_000))).rejects.toMatchObject({ code: "not_found", message: JSON.parse(bodies[0]).error.message });
  });

  it("only the owner can create, list and revoke links; another user's target or link is a 404", async () => {
    const { owner, jobA, collection } = await setup();
    const other = await seedUser(t.current.db);
    expect((await share(other, { jobId: jobA })).res.status).toBe(404);
    expect((await share(other, { collectionId: collection.id })).res.status).toBe(404);
    expect((await share(owner, { jobId: jobA, collectionId: collection.id })).res.status).toBe(400);
    const { body } = await share(owner, { collectionId: collection.id });
    const revoke = await revokeRoute(await authedRequest(`${BASE}/api/share-links/${body.link.id}`, other, { method: "DELETE" }), { params: Promise.resolve({ id: body.link.id }) });
    expect(revoke.status).toBe(404);
    const theirs = await (await listLinks(await authedRequest(`${BASE}/api/share-links`, other), noParams)).json();
    expect(theirs.links).toEqual([]);
    const mine = await (await listLinks(await authedRequest(`${BASE}/api/share-links?collectionId=${collection.id}`, owner), noParams)).json();
    expect(mine.links).toHaveLength(1);
    expect(mine.links[0]).toMatchObject({ kind: "collection", targetName: "outbreak", status: "active" });
    expect(JSON.stringify(mine)).not.toContain(body.token);
  });

  it("is rate-limited per address (429 with Retry-After), unknown tokens counted like known ones", async () => {
    const { owner, jobA } = await setup();
    const { body } = await share(owner, { jobId: jobA });
    const unknown = "B".repeat(43);
    let last: Response | null = null;
    for (let i = 0; i < 601; i++) last = await shareRoute(anon(`/api/shares/x`, "198.51.100.9"), tok(i % 2 ? unknown : body.token));
    expect(last!.status).toBe(429);
    expect(last!.headers.get("retry-after")).toBeTruthy();
    expect((await shareRoute(anon(`/api/shares/x`, "198.51.100.10"), tok(body.token))).status).toBe(200);
  });

  it("deleting the shared job makes its link a 404", async () => {
    const { owner, jobA } = await setup();
    const { body } = await share(owner, { jobId: jobA });
    await t.current.db.amrJob.delete({ where: { id: jobA } });
    expect((await shareRoute(anon(`/api/shares/x`), tok(body.token))).status).toBe(404);
    expect(await t.current.db.shareLink.count()).toBe(0);
  });
});
