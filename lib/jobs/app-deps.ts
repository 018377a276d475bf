import { appDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getStorage } from "@/lib/storage";
import type { CreateJobDeps } from "./create-job";

/** The production wiring of the job services; tests build their own deps. */
export function jobDeps(): CreateJobDeps {
  const env = getEnv();
  return {
    db: appDb(),
    storage: getStorage(),
    maxUploadBytes: env.UPLOAD_MAX_BYTES,
    maxUncompressedBytes: env.UNCOMPRESSED_MAX_BYTES,
    maxActiveJobsPerUser: env.MAX_ACTIVE_JOBS_PER_USER,
  };
}
