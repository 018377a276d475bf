import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { CreateJobDeps } from "./create-job";
import type { UploadRequest } from "./direct-upload-schemas";
import { assertCollectionOwned, assertQueueRoom } from "./job-admission";
import { jobFiles } from "./job-files";
import { uploadTooLarge } from "./parse-upload";

/** How long a pre-signed upload stays usable; a confirm may come later (the object waits). */
export const UPLOAD_URL_SECONDS = 15 * 60;

export interface DirectUpload {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
  maxBytes: number;
  expiresAt: string;
}

/**
 * Step one of a direct upload: a pre-signed POST for a fresh key under the user's own upload
 * folder (one key, a size range, a short expiry). 404 where storage is a local directory: there
 * the genome goes to POST /api/jobs as multipart. Size and queue are checked now so nobody sends
 * 100 MB only to be refused; both are checked again on confirm.
 */
export async function startDirectUpload(deps: CreateJobDeps, userId: string, req: UploadRequest, now = new Date()): Promise<DirectUpload> {
  if (req.size !== undefined && req.size > deps.maxUploadBytes) {
    throw uploadTooLarge(deps.maxUploadBytes);
  }
  if (req.collectionId) await assertCollectionOwned(deps.db, userId, req.collectionId);
  await assertQueueRoom(deps.db, userId, deps.maxActiveJobsPerUser);
  const uploadId = randomUUID();
  const post = await deps.storage.presignPost(jobFiles.upload(userId, uploadId), { maxBytes: deps.maxUploadBytes, expiresSeconds: UPLOAD_URL_SECONDS });
  if (!post) {
    throw new AppError("direct_upload_unavailable", "This server takes uploads only through POST /api/jobs (multipart): its files are not in an object store.");
  }
  // Remembered for the confirm, so a client may name the collection at either step.
  if (req.collectionId) await deps.storage.put(jobFiles.uploadCollection(userId, uploadId), req.collectionId);
  return {
    uploadId,
    url: post.url,
    fields: post.fields,
    maxBytes: deps.maxUploadBytes,
    expiresAt: new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
  };
}
