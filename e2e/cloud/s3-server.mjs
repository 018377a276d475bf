// The object store of the PostgreSQL + S3 end-to-end run: s3rver (an S3-protocol server from
// npm) on a fixed loopback port, one bucket, and a CORS rule that lets the app's pages POST
// uploads to it as a real bucket's would. Runs until Playwright stops it.
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const S3rver = createRequire(import.meta.url)("s3rver");
const port = Number(process.env.E2E_S3_PORT ?? 4569);
const bucket = process.env.E2E_S3_BUCKET ?? "amr-e2e";
const cors = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>300</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

const server = new S3rver({
  port,
  address: "127.0.0.1",
  silent: true,
  directory: mkdtempSync(path.join(tmpdir(), "amr-e2e-s3-")),
  configureBuckets: [{ name: bucket, configs: [cors] }],
});
await server.run();
console.log(`[s3] s3rver on http://127.0.0.1:${port}, bucket ${bucket}`);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close().then(() => process.exit(0)));
