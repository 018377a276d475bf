import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { assertDeletablePrefix, assertObjectKey, checkLimit, checkRange } from "./checks";
import { assertValidPrefix, ObjectNotFoundError, type ListPage, type PresignedPost, type Storage, type StoredObject } from "./storage";

export interface S3StorageOptions {
  bucket: string;
  /** Prepended to every key: "" or a folder ending in "/", so several deployments can share a bucket. */
  prefix: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  region?: string;
  /** Unset: the SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profiles, instance roles). */
  credentials?: S3ClientConfig["credentials"];
}

const MiB = 1024 * 1024;
const DEFAULT_REGION = "us-east-1";

/** Storage in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2...). */
export class S3Storage implements Storage {
  readonly kind = "s3";
  readonly client: S3Client;
  readonly bucket: string;
  readonly prefix: string;
  /** Cleared once the store answers that it has no DeleteObjects (multi-object delete). */
  private batchDeletes = true;
  private origin?: string;

  constructor(private readonly opts: S3StorageOptions) {
    if (opts.prefix !== "" && (!opts.prefix.endsWith("/") || opts.prefix.startsWith("/"))) {
      throw new Error(`An S3 key prefix is "" or a folder like "amr/": ${JSON.stringify(opts.prefix)}`);
    }
    this.bucket = opts.bucket;
    this.prefix = opts.prefix;
    this.client = new S3Client({
      region: opts.region ?? DEFAULT_REGION,
      endpoint: opts.endpoint,
      forcePathStyle: opts.forcePathStyle,
      credentials: opts.credentials,
      // Stores other than AWS often reject the SDK's newer default checksums (CRC32 trailers);
      // only send them where S3 demands one.
      ...(opts.endpoint ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } : {}),
    });
  }

  async put(key: string, body: Readable | Uint8Array | string): Promise<number> {
    assertObjectKey(key);
    if (!(body instanceof Readable)) {
      const bytes = Buffer.from(body);
      await this.upload(key, bytes);
      return bytes.length;
    }
    let bytes = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    const piping = pipeline(body, counted);
    try {
      await Promise.all([piping, this.upload(key, counted)]);
    } catch (err) {
      // The upload can fail on its own (network, permissions): stop reading the body too.
      counted.destroy();
      await piping.catch(() => {});
      throw err;
    }
    return bytes;
  }

  async get(key: string, range?: { start: number; end?: number }): Promise<Readable> {
    assertObjectKey(key);
    checkRange(range);
    const res = await this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Range: range && `bytes=${range.start}-${range.end ?? ""}` }))
      .catch((err) => rethrowMissing(err, key));
    return res.Body as Readable;
  }

  async getBuffer(key: string): Promise<Buffer> {
    assertObjectKey(key);
    const res = await this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }))
      .catch((err) => rethrowMissing(err, key));
    return Buffer.from(await res.Body!.transformToByteArray());
  }

  async head(key: string): Promise<StoredObject | null> {
    assertObjectKey(key);
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      return { key, size: res.ContentLength ?? 0, modifiedAt: res.LastModified ?? new Date(0) };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async copy(fromKey: string, toKey: string): Promise<void> {
    assertObjectKey(fromKey);
    assertObjectKey(toKey);
    // One CopyObject call handles objects up to 5 GB, far above any upload limit here.
    const source = (this.prefix + fromKey).split("/").map(encodeURIComponent).join("/");
    await this.client
      .send(new CopyObjectCommand({ Bucket: this.bucket, Key: this.prefix + toKey, CopySource: `${this.bucket}/${source}` }))
      .catch((err) => rethrowMissing(err, fromKey));
  }

  async delete(key: string): Promise<void> {
    assertObjectKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
  }

  async deletePrefix(prefix: string): Promise<void> {
    assertDeletablePrefix(prefix);
    let token: string | undefined;
    do {
      const res = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix + prefix, ContinuationToken: token }),
      );
      const keys = (res.Contents ?? []).map((o) => o.Key!);
      if (keys.length) await this.deleteKeys(keys);
      token = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (token);
  }

  async list(prefix: string, opts: { after?: string; limit?: number } = {}): Promise<ListPage> {
    assertValidPrefix(prefix);
    const res = await this.client.send(
      new ListObjectsV2Command({
        Bucket: this.bucket,
        Prefix: this.prefix + prefix,
        StartAfter: opts.after === undefined ? undefined : this.prefix + opts.after,
        MaxKeys: checkLimit(opts.limit),
      }),
    );
    const contents = res.Contents ?? [];
    const objects = contents
      // Folder markers some consoles create are not objects a local directory would have.
      .filter((o) => !o.Key!.endsWith("/"))
      .map((o) => ({ key: o.Key!.slice(this.prefix.length), size: o.Size ?? 0, modifiedAt: o.LastModified ?? new Date(0) }));
    const last = contents.at(-1)?.Key;
    return { objects, next: res.IsTruncated && last ? last.slice(this.prefix.length) : null };
  }

  async withLocalCopy<T>(key: string, fn: (path: string) => Promise<T>): Promise<T> {
    assertObjectKey(key);
    const body = await this.get(key);
    const dir = await mkdtemp(path.join(tmpdir(), "amr-s3-"));
    try {
      // The key's own file name keeps its extension (".fa.gz"), which readers may go by.
      const file = path.join(dir, path.posix.basename(key));
      await pipeline(body, createWriteStream(file, { mode: 0o600 }));
      return await fn(file);
    } finally {
      body.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  }

  async presignPost(key: string, opts: { maxBytes: number; expiresSeconds: number }): Promise<PresignedPost> {
    assertObjectKey(key);
    const { url, fields } = await createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: this.prefix + key,
      Conditions: [["content-length-range", 1, opts.maxBytes]],
      Fields: { key: this.prefix + key },
      Expires: opts.expiresSeconds,
    });
    return { url, fields };
  }

  uploadOrigin(): string {
    // The SDK's own endpoint rules, as createPresignedPost applies them: virtual-hosted
    // (bucket.host) or path-style (host/bucket) depending on the bucket name and options.
    this.origin ??= new URL(
      this.client.config.endpointProvider({
        Bucket: this.bucket,
        Region: this.opts.region ?? DEFAULT_REGION,
        Endpoint: this.opts.endpoint,
        ForcePathStyle: this.opts.forcePathStyle,
      }).url,
    ).origin;
    return this.origin;
  }

  /**
   * Streams a body into `key`. Bodies over one part go up as a multipart upload, which is
   * invisible until completed and aborted on failure; at most partSize × queueSize is buffered.
   */
  private async upload(key: string, body: Readable | Buffer): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.prefix + key, Body: body },
      partSize: 8 * MiB,
      queueSize: 2,
    });
    await upload.done();
  }

  private async deleteKeys(keys: string[]): Promise<void> {
    if (this.batchDeletes) {
      try {
        const res = await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }),
        );
        const failed = res.Errors ?? [];
        if (failed.length) throw new Error(`Could not delete ${failed.length} objects, e.g. ${failed[0].Key}: ${failed[0].Code} ${failed[0].Message}`);
        return;
      } catch (err) {
        if (!isUnsupported(err)) throw err;
        this.batchDeletes = false;
      }
    }
    for (const Key of keys) await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
  }
}

/** "s3://bucket/some/prefix" → the bucket and a key prefix ending in "/" (or "" for the whole bucket). */
export function parseStorageUrl(url: string): { bucket: string; prefix: string } {
  const m = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(url);
  if (!m) throw new Error(`A storage URL looks like s3://bucket or s3://bucket/prefix, not ${JSON.stringify(url)}`);
  const [, bucket, rest = ""] = m;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new Error(`Invalid S3 bucket name ${JSON.stringify(bucket)} (3-63 characters: a-z, 0-9, "." and "-")`);
  }
  const trimmed = rest.replace(/\/$/, "");
  const segments = trimmed === "" ? [] : trimmed.split("/");
  for (const s of segments) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(s)) {
      throw new Error(`Invalid key prefix ${JSON.stringify(rest)} in ${url}: folders are letters, digits, ".", "_" and "-", separated by single "/"`);
    }
  }
  return { bucket, prefix: segments.map((s) => `${s}/`).join("") };
}

function errorName(err: unknown): string | undefined {
  return (err as { name?: string }).name;
}

function httpStatus(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function isMissing(err: unknown): boolean {
  // A missing bucket is a configuration error, not a missing object.
  if (errorName(err) === "NoSuchBucket") return false;
  return errorName(err) === "NoSuchKey" || errorName(err) === "NotFound" || httpStatus(err) === 404;
}

function rethrowMissing(err: unknown, key: string): never {
  if (isMissing(err)) throw new ObjectNotFoundError(key);
  throw err;
}

/** How stores without multi-object delete (or that want Content-MD5 for it) answer DeleteObjects. */
function isUnsupported(err: unknown): boolean {
  const name = errorName(err);
  const status = httpStatus(err);
  return name === "NotImplemented" || name === "MethodNotAllowed" || name === "MissingContentMD5" || status === 501 || status === 405;
}
