import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { S3Storage } from "@/lib/storage/s3-storage";

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  /** An S3Storage on this server's bucket; its client is closed by stop(). */
  storage(prefix?: string): S3Storage;
  stop(): Promise<void>;
}

// s3rver signs ListObjectsV2 continuation tokens with DES, which Node's OpenSSL 3 only offers
// with the legacy provider: any truncated listing fails in-process. So it runs in a child
// process with that flag, leaving the test process's crypto untouched. The child exits when its
// stdin closes, so it cannot outlive the test process.
const CHILD = `
const S3rver = require(process.argv[1]);
const opts = JSON.parse(process.argv[2]);
new S3rver(opts).run().then(
  ({ port }) => console.log(JSON.stringify({ port })),
  (err) => { console.error(err); process.exit(1); },
);
process.stdin.on("end", () => process.exit(0)).resume();
`;

/** s3rver on a free loopback port, with one empty bucket, in a temp directory. */
export async function startS3Server(bucket = "amr-test"): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(tmpdir(), "amr-s3rver-"));
  const opts = { port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] };
  const s3rverPath = createRequire(import.meta.url).resolve("s3rver");
  const child = spawn(process.execPath, ["--openssl-legacy-provider", "-e", CHILD, s3rverPath, JSON.stringify(opts)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = once(child, "exit");
  const [line] = (await Promise.race([
    once(createInterface({ input: child.stdout! }), "line"),
    exited.then(([code]) => Promise.reject(new Error(`s3rver exited with ${code} before listening`))),
  ])) as [string];
  const endpoint = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;

  const made: S3Storage[] = [];
  return {
    endpoint,
    bucket,
    storage(prefix = "") {
      const storage = new S3Storage({
        bucket,
        prefix,
        endpoint,
        forcePathStyle: true,
        region: "us-east-1",
        credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      });
      made.push(storage);
      return storage;
    },
    async stop() {
      for (const s of made) s.client.destroy();
      child.stdin!.end();
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
