import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/api/jobs/route";
import { resetEnvCache } from "@/lib/env";
import { withAppTestDb } from "../helpers/app-db";
import { sessionCookieFor } from "../helpers/auth";
import { filesUnder, withAppStorage, type TempStorage } from "../helpers/jobs";
import { fastaBytes, gzipBomb, MULTIPART_FRAMING, MULTIPART_TYPE, multipartFile, rawPost } from "../../scripts/lib/raw-upload";
import { serveRoute, type RouteServer } from "../helpers/route-server";
import { seedUser } from "../helpers/test-db";

// UP1 and UP4 over real HTTP: a Node server around POST /api/jobs, and a raw-socket client that
// frames the body exactly as an abuser would. Each oversized upload is answered 413 after the
// handler has read at most the limit plus a little (the multipart framing and one stream buffer),
// and leaves no staging file, no stored file and no row.
const t = withAppTestDb();
let s: TempStorage;
withAppStorage((storage) => {
  s = storage;
});

const LIMIT = 1024 * 1024;
// Multipart framing, busboy's and the web stream's buffers: what may be read past the limit.
const SLACK = 256 * 1024;
const ENV = { UPLOAD_MAX_BYTES: String(LIMIT), UNCOMPRESSED_MAX_BYTES: String(4 * LIMIT) };
let server: RouteServer;
let staging: string;
let cookie: string;

beforeEach(async () => {
  // Uploads stage in os.tmpdir(); a private one shows whether anything is left behind.
  staging = mkdtempSync(path.join(tmpdir(), "amr-abuse-tmp-"));
  Object.assign(process.env, { TMPDIR: staging, ...ENV });
  resetEnvCache();
  cookie = await sessionCookieFor(await seedUser(t.current.db));
  server = await serveRoute(uploadRoute);
});
afterEach(async () => {
  await server.close();
  // Deleted one by one: os.tmpdir() reads the real environment, which a replaced process.env object would not reset.
  for (const key of ["TMPDIR", ...Object.keys(ENV)]) delete process.env[key];
  resetEnvCache();
  rmSync(staging, { recursive: true, force: true });
});

async function expectNothingKept() {
  await server.settled();
  expect(await t.current.db.amrJob.count()).toBe(0);
  expect(filesUnder(s.dir)).toEqual([]);
  expect(filesUnder(staging)).toEqual([]);
}

const post = (body: AsyncIterable<Buffer>, framing: "chunked" | { contentLength: number }) =>
  rawPost(`${server.url}/api/jobs`, { headers: { cookie, "content-type": MULTIPART_TYPE }, body, framing });

describe("uploads past the limit (UP1)", () => {
  it("a file of exactly the limit is accepted (the boundary the others cross)", async () => {
    const res = await post(multipartFile(fastaBytes(LIMIT)), { contentLength: LIMIT + MULTIPART_FRAMING });
    expect(res.status, res.body).toBe(201);
    expect(await t.current.db.amrJob.count()).toBe(1);
  });

  it("limit + 1 with a true Content-Length: 413, read at most the limit + slack, nothing kept", async () => {
    const res = await post(multipartFile(fastaBytes(LIMIT + 1)), { contentLength: LIMIT + 1 + MULTIPART_FRAMING });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/larger than the 1\.0 MB upload limit/);
    expect(server.bodyBytesRead[0]).toBeLessThanOrEqual(LIMIT + SLACK);
    await expectNothingKept();
  });

  it("a declared length far past the limit: 413 before the body is read", async () => {
    const res = await post(multipartFile(fastaBytes(8 * LIMIT)), { contentLength: 8 * LIMIT + MULTIPART_FRAMING });
    expect(res.status).toBe(413);
    expect(server.bodyBytesRead[0]).toBeLessThanOrEqual(SLACK);
    await expectNothingKept();
  });

  it("limit + 1 behind a false, smaller Content-Length: only the declared bytes are read; a truncated form is refused", async () => {
    const declared = 64 * 1024;
    const res = await post(multipartFile(fastaBytes(LIMIT + 1)), { contentLength: declared });
    // The handler refuses the cut-off form, or Node's HTTP parser answers first, refusing the
    // bytes past the declared length as a malformed next request: a 400 either way.
    expect(res.status).toBe(400);
    if (res.body) expect(JSON.parse(res.body).error.message).toMatch(/Malformed multipart|interrupted/);
    await expectNothingKept();
    expect(server.bodyBytesRead[0]).toBeLessThanOrEqual(declared);
  });

  it("limit + 1 chunked, with no Content-Length: 413, read at most the limit + slack, nothing kept", async () => {
    const res = await post(multipartFile(fastaBytes(LIMIT + 1)), "chunked");
    expect(res.status).toBe(413);
    expect(server.bodyBytesRead[0]).toBeLessThanOrEqual(LIMIT + SLACK);
    await expectNothingKept();
  });

  it("an endless chunked body: 413 once the limit is passed, and the client is cut off", async () => {
    const res = await post(multipartFile(fastaBytes(Infinity)), "chunked");
    expect(res.status).toBe(413);
    expect(server.bodyBytesRead[0]).toBeLessThanOrEqual(LIMIT + SLACK);
    await expectNothingKept();
  });
});

const size = (chunks: Iterable<Buffer>) => [...chunks].reduce((n, c) => n + c.length, 0);

describe("gzip bombs (UP4)", () => {
  it("a ~50 KB gzip that inflates to 14 MB, past the 4 MB decompressed cap: 413, nothing kept", async () => {
    const bomb = [...gzipBomb(14)];
    expect(size(bomb)).toBeLessThan(100 * 1024);
    const res = await post(multipartFile(bomb, "bomb.fa.gz"), { contentLength: size(bomb) + Buffer.byteLength("bomb.fa.gz") - "genome.fa".length + MULTIPART_FRAMING });
    expect(res.status, res.body).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/uncompressed/);
    await expectNothingKept();
  });

  // Deflate cannot pass ~1000:1 (these FASTA lines reach ~290:1), so 10 GB takes a ~37 MB gzip.
  it("a gzip that inflates to 10 GB stops at the cap the same way", async () => {
    process.env.UPLOAD_MAX_BYTES = String(64 * LIMIT);
    resetEnvCache();
    const members = 10 * 1024; // 10 GiB once inflated
    const compressed = size(gzipBomb(members));
    expect(compressed).toBeLessThan(64 * LIMIT);
    const res = await post(multipartFile(gzipBomb(members), "bomb.fa.gz"), "chunked");
    expect(res.status, res.body).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/uncompressed/);
    await expectNothingKept();
    // The upload is staged (whole, within UPLOAD_MAX_BYTES) before it is inflated, so disk use is
    // bounded by the upload limit and inflation by the cap: never the 10 GB.
    expect(server.bodyBytesRead[0]).toBeLessThanOrEqual(64 * LIMIT + SLACK);
  });
});
