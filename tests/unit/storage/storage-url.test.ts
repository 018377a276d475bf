import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { storageFromEnv } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local-storage";
import { parseStorageUrl, S3Storage } from "@/lib/storage/s3-storage";

describe("parseStorageUrl", () => {
  it("splits bucket and prefix, the prefix ending in one slash", () => {
    expect(parseStorageUrl("s3://amr-data")).toEqual({ bucket: "amr-data", prefix: "" });
    expect(parseStorageUrl("s3://amr-data/")).toEqual({ bucket: "amr-data", prefix: "" });
    expect(parseStorageUrl("s3://amr-data/prod")).toEqual({ bucket: "amr-data", prefix: "prod/" });
    expect(parseStorageUrl("s3://amr.data.eu/prod/v2/")).toEqual({ bucket: "amr.data.eu", prefix: "prod/v2/" });
  });

  it("names what is wrong", () => {
    expect(() => parseStorageUrl("https://amr-data/prod")).toThrow(/looks like s3:\/\/bucket/);
    expect(() => parseStorageUrl("s3://AMR/prod")).toThrow(/Invalid S3 bucket name "AMR"/);
    expect(() => parseStorageUrl("s3://ab")).toThrow(/Invalid S3 bucket name/);
    expect(() => parseStorageUrl("s3://amr-data//prod")).toThrow(/Invalid key prefix/);
    expect(() => parseStorageUrl("s3://amr-data/../prod")).toThrow(/Invalid key prefix/);
    expect(() => parseStorageUrl("s3://amr-data/a b")).toThrow(/Invalid key prefix/);
  });
});

describe("storage configuration", () => {
  it("keeps files in STORAGE_DIR unless STORAGE_URL is set", () => {
    const storage = storageFromEnv(parseEnv({ STORAGE_DIR: "/srv/amr" }));
    expect(storage).toBeInstanceOf(LocalStorage);
    expect((storage as LocalStorage).root).toBe("/srv/amr");
  });

  it("uses the bucket, prefix, endpoint and addressing of the S3 variables", async () => {
    const env = parseEnv({
      STORAGE_URL: "s3://amr-data/prod",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_FORCE_PATH_STYLE: "true",
      S3_REGION: "eu-central-1",
    });
    const storage = storageFromEnv(env) as S3Storage;
    expect(storage).toBeInstanceOf(S3Storage);
    expect(storage.kind).toBe("s3");
    expect([storage.bucket, storage.prefix]).toEqual(["amr-data", "prod/"]);
    expect(await storage.client.config.region()).toBe("eu-central-1");
    expect(storage.uploadOrigin()).toBe("http://127.0.0.1:9000");
    storage.client.destroy();
  });

  it("defaults the region and virtual-hosted addressing", () => {
    const env = parseEnv({ STORAGE_URL: "s3://amr-data" });
    expect(env.S3_REGION).toBe("us-east-1");
    expect(env.S3_FORCE_PATH_STYLE).toBe(false);
    const storage = storageFromEnv(env) as S3Storage;
    expect(storage.uploadOrigin()).toBe("https://amr-data.s3.us-east-1.amazonaws.com");
    storage.client.destroy();
  });

  it("refuses malformed S3 variables by name", () => {
    const bad = () => parseEnv({ STORAGE_URL: "https://bucket", S3_ENDPOINT: "minio:9000", S3_FORCE_PATH_STYLE: "maybe" });
    expect(bad).toThrow(/STORAGE_URL: must look like s3:\/\/bucket/);
    expect(bad).toThrow(/S3_ENDPOINT: must be an http:\/\/ or https:\/\/ URL/);
    expect(bad).toThrow(/S3_FORCE_PATH_STYLE: /);
  });
});
