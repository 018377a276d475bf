import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A multipart upload lands in a local temp file first: it is hashed and validated there before
 * anything reaches storage (a bucket may be across a network; a half-valid genome never gets in).
 */
export interface UploadTemp {
  path: string;
  /** Removes the file; safe to call twice. */
  discard(): Promise<void>;
}

export async function createUploadTemp(dir = tmpdir()): Promise<UploadTemp> {
  const folder = await mkdtemp(path.join(dir, "amr-upload-"));
  return { path: path.join(folder, "genome.part"), discard: () => rm(folder, { recursive: true, force: true }) };
}
