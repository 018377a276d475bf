import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCollection } from "@/lib/collections/repository";
import { createJobFromUpload, type CreateJobDeps } from "@/lib/jobs/create-job";
import { startDirectUpload } from "@/lib/jobs/direct-upload";
import { listAll, type Storage } from "@/lib/storage";
import { randomGenome } from "../helpers/jobs";
import { startS3Server, type S3TestServer } from "../helpers/s3-server";
import { createTestDb, seedUser, type TestDb } from "../helpers/test-db";

// Direct uploads into a collection: named at the start (remembered until the confirm) or at the
// confirm; another user's collection is refused at either step, with no job and no file left.
let s3: S3TestServer;
let t: TestDb;
let storage: Storage;
let n = 0;

beforeAll(async () => {
  s3 = await startS3Server("amr-coll-direct");
});
afterAll(async () => {
  await s3.stop();
});
beforeEach(async () => {
  t = await createTestDb();
  storage = s3.storage(`run${++n}/`);
  return async () => t.close();
});

const deps = (): CreateJobDeps => ({ db: t.db, storage, maxUploadBytes: 1 << 20, maxUncompressedBytes: 1 << 21, maxActiveJobsPerUser: 100 });
const genome = randomGenome(1200);

async function send(userId: string, collectionId?: string) {
  const offer = await startDirectUpload(deps(), userId, { fileName: "g.fa", size: genome.length, collectionId });
  const form = new FormData();
  for (const [k, v] of Object.entries(offer.fields)) form.append(k, v);
  form.append("file", new Blob([genome]), "g.fa");
  expect((await fetch(offer.url, { method: "POST", body: form })).status).toBeLessThan(300);
  return offer.uploadId;
}

describe("direct upload into a collection", () => {
  it("named at the start only, or at the confirm only: the job joins it either way", async () => {
    const user = await seedUser(t.db);
    const c = await createCollection(t.db, user.id, "run");
    const atStart = await createJobFromUpload(deps(), user.id, { uploadId: await send(user.id, c.id) });
    const atConfirm = await createJobFromUpload(deps(), user.id, { uploadId: await send(user.id), collectionId: c.id });
    const rows = await t.db.collectionJob.findMany({ where: { collectionId: c.id }, select: { jobId: true } });
    expect(rows.map((r) => r.jobId).sort()).toEqual([atStart.id, atConfirm.id].sort());
    expect((await listAll(storage, "uploads/")).map((o) => o.key)).toEqual([]);
  });

  it("another user's collection: 404 at the start, and 404 with no job and no file at the confirm", async () => {
    const owner = await seedUser(t.db);
    const user = await seedUser(t.db);
    const c = await createCollection(t.db, owner.id, "theirs");
    await expect(startDirectUpload(deps(), user.id, { fileName: "g.fa", size: 10, collectionId: c.id })).rejects.toMatchObject({ code: "not_found" });
    const uploadId = await send(user.id);
    await expect(createJobFromUpload(deps(), user.id, { uploadId, collectionId: c.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.amrJob.count()).toBe(0);
    for (const area of ["uploads/", "inputs/"]) expect((await listAll(storage, area)).map((o) => o.key)).toEqual([]);
  });
});
