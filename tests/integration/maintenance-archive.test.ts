import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as resultsRoute } from "@/app/api/jobs/[id]/results/route";
import { GET as getJobRoute } from "@/app/api/jobs/[id]/route";
import { readManifest } from "@/lib/maintenance/archive-files";
import { DEFAULT_RETENTION_POLICY } from "@/lib/maintenance/policy";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest } from "../helpers/auth";
import { filesUnder, withAppStorage, type TempStorage } from "../helpers/jobs";
import { seedUser } from "../helpers/test-db";
import { daysAgo, runAt, seedJob } from "./maintenance-fixtures";

const t = withAppTestDb();
let s: TempStorage;
let user: { id: string };
withAppStorage((storage) => {
  s = storage;
});
beforeEach(async () => {
  user = await seedUser(t.current.db);
});

const BASE = "http://localhost:3000";
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const FORMATS = { json: "result.json", "genes.tsv": "genes.tsv", "phenotypes.tsv": "phenotypes.tsv" } as const;

describe("archiving", () => {
  it("gzips the results (gzip -t passes, checksums match), deletes originals and genome, and downloads stay byte-identical", async () => {
    const job = await seedJob(t.current.db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(8) });
    const before: Record<string, { body: Buffer; etag: string | null }> = {};
    for (const format of Object.keys(FORMATS)) {
      const res = await resultsRoute(await authedRequest(`${BASE}/api/jobs/${job.id}/results?format=${format}`, user), ctx(job.id));
      before[format] = { body: Buffer.from(await res.arrayBuffer()), etag: res.headers.get("etag") };
    }

    const result = await runAt(t.current.db, s.storage);
    expect(result).toMatchObject({ archived: 1, purged: 0, skipped: false });

    const row = await t.current.db.amrJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: "Archived", inputFilePath: null, resultFilePath: `archive/${job.id}/` });
    expect(row.archivedAt?.toISOString()).toBe(daysAgo(0).toISOString());
    expect(filesUnder(s.dir)).toEqual([
      `archive/${job.id}/genes.tsv.gz`,
      `archive/${job.id}/manifest.json`,
      `archive/${job.id}/phenotypes.tsv.gz`,
      `archive/${job.id}/result.json.gz`,
    ]);
    const manifest = await readManifest(s.storage, job.id);
    for (const f of manifest.files) {
      const gz = path.join(s.dir, "archive", job.id, `${f.name}.gz`);
      execFileSync("gzip", ["-t", gz]);
      const original = gunzipSync(readFileSync(gz));
      expect(original.equals(job.results[f.name])).toBe(true);
      expect(createHash("sha256").update(original).digest("hex")).toBe(f.sha256);
    }

    for (const [format, file] of Object.entries(FORMATS)) {
      const url = `${BASE}/api/jobs/${job.id}/results?format=${format}`;
      const res = await resultsRoute(await authedRequest(url, user), ctx(job.id));
      expect(res.status).toBe(200);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.equals(job.results[file])).toBe(true);
      expect(body.equals(before[format].body)).toBe(true);
      // ETags still revalidate: the archived file answers 304 to its own tag.
      const etag = res.headers.get("etag")!;
      const again = await resultsRoute(await authedRequest(url, user, { headers: { "if-none-match": etag } }), ctx(job.id));
      expect(again.status).toBe(304);
    }
    const detail = await (await getJobRoute(await authedRequest(`${BASE}/api/jobs/${job.id}`, user), ctx(job.id))).json();
    expect(detail).toMatchObject({ status: "Archived", archiveAt: null, deleteAt: new Date(daysAgo(-90)).toISOString() });
    expect(JSON.stringify(detail)).not.toContain("archive/");
  });

  it("another user still gets 404 for an archived job's results", async () => {
    const job = await seedJob(t.current.db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(8) });
    await runAt(t.current.db, s.storage);
    const other = await seedUser(t.current.db);
    const res = await resultsRoute(await authedRequest(`${BASE}/api/jobs/${job.id}/results?format=json`, other), ctx(job.id));
    expect(res.status).toBe(404);
  });

  it("keeps the genome when configured to", async () => {
    const job = await seedJob(t.current.db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(8) });
    await runAt(t.current.db, s.storage, { policy: { ...DEFAULT_RETENTION_POLICY, keepInputOnArchive: true } });
    const row = await t.current.db.amrJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: "Archived", inputFilePath: job.inputKey });
    expect(filesUnder(s.dir)).toContain(job.inputKey);
  });

  it("archives Error jobs (no results: only the genome goes) and leaves younger ones", async () => {
    const old = await seedJob(t.current.db, s.storage, user.id, { status: "Error", completedAt: daysAgo(7) });
    const young = await seedJob(t.current.db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(6.9) });
    expect(await runAt(t.current.db, s.storage)).toMatchObject({ archived: 1 });
    const rows = await t.current.db.amrJob.findMany({ select: { id: true, status: true, resultFilePath: true } });
    expect(rows.find((r) => r.id === old.id)).toMatchObject({ status: "Archived", resultFilePath: null });
    expect(rows.find((r) => r.id === young.id)).toMatchObject({ status: "Completed" });
    expect(filesUnder(s.dir).filter((f) => f.includes(old.id))).toEqual([]);
  });

  it("a corrupt archive fails verification: the job stays Completed with its originals", async () => {
    const job = await seedJob(t.current.db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(8) });
    // Storage that flips a byte in every gzip it writes: verification must catch it.
    const corrupting = Object.create(s.storage) as typeof s.storage;
    corrupting.put = async (key, data) => {
      const bytes = Buffer.from(data as Uint8Array);
      if (key.endsWith(".gz")) bytes[bytes.length - 5] ^= 0xff;
      return s.storage.put(key, bytes);
    };
    const logs: string[] = [];
    expect(await runAt(t.current.db, corrupting, { log: (m) => logs.push(m) })).toMatchObject({ archived: 0 });
    expect(logs.join("\n")).toMatch(/failed verification/);
    expect((await t.current.db.amrJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("Completed");
    for (const name of Object.keys(job.results)) expect(filesUnder(s.dir).some((f) => f.startsWith("results/") && f.endsWith(name))).toBe(true);
    // The next healthy run archives it.
    expect(await runAt(t.current.db, s.storage)).toMatchObject({ archived: 1 });
  });
});

describe("live jobs (CR2)", () => {
  it("queued, running and cancel-requested jobs are never touched, however old; a job flipped mid-run is left alone", async () => {
    const db = t.current.db;
    const queued = await seedJob(db, s.storage, user.id, { status: "Submitted", createdAt: daysAgo(1), completedAt: daysAgo(100) });
    const running = await seedJob(db, s.storage, user.id, { status: "Processing", completedAt: daysAgo(100), leaseExpiresAt: daysAgo(-0.01) });
    const cancelling = await seedJob(db, s.storage, user.id, { status: "Processing", completedAt: daysAgo(100), leaseExpiresAt: daysAgo(-0.01), cancelRequested: true });
    const flipped = await seedJob(db, s.storage, user.id, { status: "Completed", completedAt: daysAgo(8) });
    const snapshot = async () => db.amrJob.findMany({ where: { id: { in: [queued.id, running.id, cancelling.id] } }, orderBy: { id: "asc" } });
    const before = await snapshot();
    const filesBefore = filesUnder(s.dir);

    // The archive of `flipped` is written; before the batch is marked, the row changes under us
    // (as a concurrent writer would). The compare-and-set must refuse it and keep its files.
    const racing = Object.create(s.storage) as typeof s.storage;
    racing.put = async (key, data) => {
      const size = await s.storage.put(key, data);
      if (key === `archive/${flipped.id}/manifest.json`) {
        await db.amrJob.update({ where: { id: flipped.id }, data: { status: "Processing", version: { increment: 1 } } });
      }
      return size;
    };
    const result = await runAt(db, racing);
    expect(result).toMatchObject({ archived: 0, purged: 0, failedStale: 0 });
    expect(await snapshot()).toEqual(before);
    expect((await db.amrJob.findUniqueOrThrow({ where: { id: flipped.id } })).status).toBe("Processing");
    const after = filesUnder(s.dir);
    for (const f of filesBefore) expect(after).toContain(f);
  });
});
