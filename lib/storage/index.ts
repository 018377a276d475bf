import { getEnv } from "@/lib/env";
import { LocalStorage } from "./local-storage";
import type { Storage } from "./storage";

export type { Storage, TempFile } from "./storage";

const globalForStorage = globalThis as unknown as { amrStorage?: Storage };

/** The application's storage, from STORAGE_DIR; tests construct their own LocalStorage. */
export function getStorage(): Storage {
  globalForStorage.amrStorage ??= new LocalStorage(getEnv().STORAGE_DIR);
  return globalForStorage.amrStorage;
}

export function overrideStorage(storage: Storage | undefined): void {
  globalForStorage.amrStorage = storage;
}

/** Keys of a job's files; the only place that knows the layout. */
export const storageKeys = {
  input: (jobId: string, gzipped: boolean) => `inputs/${jobId}.${gzipped ? "fa.gz" : "fa"}`,
  /** One directory per lease: a worker that lost its lease can never overwrite the winner's files. */
  results: (jobId: string, leaseToken: string) => `results/${jobId}/${leaseToken}/`,
  resultsRoot: (jobId: string) => `results/${jobId}/`,
  /** Archived (gzipped) results, written by maintenance. */
  archive: (jobId: string) => `archive/${jobId}/`,
};
