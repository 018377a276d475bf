import { getEnv, type Env } from "@/lib/env";
import { LocalStorage } from "./local-storage";
import { parseStorageUrl, S3Storage } from "./s3-storage";
import type { Storage } from "./storage";

export { listAll, ObjectNotFoundError } from "./storage";
export type { ListPage, PresignedPost, Storage, StoredObject } from "./storage";

const globalForStorage = globalThis as unknown as { amrStorage?: Storage };

/** The application's storage: the bucket of STORAGE_URL if set, else the STORAGE_DIR directory. */
export function getStorage(): Storage {
  globalForStorage.amrStorage ??= storageFromEnv(getEnv());
  return globalForStorage.amrStorage;
}

export function storageFromEnv(env: Env): Storage {
  if (!env.STORAGE_URL) return new LocalStorage(env.STORAGE_DIR);
  const { bucket, prefix } = parseStorageUrl(env.STORAGE_URL);
  // No credentials here: the SDK's default chain reads AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,
  // profiles or an instance role, so secrets never pass through our configuration.
  return new S3Storage({
    bucket,
    prefix,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    region: env.S3_REGION,
  });
}

export function overrideStorage(storage: Storage | undefined): void {
  globalForStorage.amrStorage = storage;
}
