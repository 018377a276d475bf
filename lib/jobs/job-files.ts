// Where a job's files live in storage: the only module that builds or parses these keys.
//
//   inputs/<job>.fa[.gz]          the uploaded genome
//   results/<job>/<lease>/<file>  one folder per lease: a worker that lost its lease can never
//                                 overwrite the winner's files
//   archive/<job>/<file>.gz       archived results, written by maintenance, plus manifest.json
//   uploads/<user>/<upload>       a direct upload to the bucket, until the app validates it
//   uploads/<user>/<upload>.collection  the collection chosen at its start, until the confirm

export type FileArea = "inputs" | "results" | "archive" | "uploads" | "tmp";

export const jobFiles = {
  input: (jobId: string, gzipped: boolean) => `inputs/${jobId}.${gzipped ? "fa.gz" : "fa"}`,
  results: (jobId: string, leaseToken: string) => `results/${jobId}/${leaseToken}/`,
  resultsRoot: (jobId: string) => `results/${jobId}/`,
  archive: (jobId: string) => `archive/${jobId}/`,
  /** A direct upload: the user's id is part of the key, so a user can only confirm their own. */
  upload: (userId: string, uploadId: string) => `uploads/${userId}/${uploadId}`,
  /** The collection a direct upload was started for, remembered until its confirm. */
  uploadCollection: (userId: string, uploadId: string) => `uploads/${userId}/${uploadId}.collection`,
  uploadsOf: (userId: string) => `uploads/${userId}/`,
  /** Every key of a job, for deleting it (both possible inputs, both folders). */
  allOf: (jobId: string) => ({
    inputs: [`inputs/${jobId}.fa`, `inputs/${jobId}.fa.gz`],
    folders: [`results/${jobId}/`, `archive/${jobId}/`],
  }),
};

/** The areas maintenance reconciles against the rows (job files) or by age alone (uploads, tmp). */
export const JOB_AREAS = ["inputs/", "results/", "archive/"] as const;

/** The job a stored key belongs to; null for keys that belong to no job (uploads, temp files, strangers). */
export function jobIdOfKey(key: string): { area: FileArea; jobId: string } | null {
  const [area, second] = key.split("/");
  if (!second) return null;
  if (area === "inputs") return { area, jobId: second.split(".")[0] };
  if (area === "results" || area === "archive") return { area, jobId: second };
  return null;
}
