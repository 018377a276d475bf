import { ApiError, type JobDetail } from "./api";

type ErrorBody = { error?: { message?: string; code?: string; fields?: Record<string, string> } };

export type UploadPhase = "uploading" | "validating";

/**
 * Sends a genome and returns its job. Where the server keeps files in an object store it offers
 * a direct upload (POST /api/uploads answers with a pre-signed POST): the browser sends the file
 * straight to the bucket, then asks the app to validate it and queue the job. Otherwise (404)
 * the file goes to POST /api/jobs as multipart. XMLHttpRequest rather than fetch either way: it
 * is the browser API that reports upload progress, which matters for 100 MB on a slow link.
 */
export async function uploadGenome(
  form: FormData,
  onProgress: (fraction: number, phase: UploadPhase) => void,
  signal?: AbortSignal,
): Promise<JobDetail> {
  const file = form.get("file");
  if (!(file instanceof File)) throw new ApiError(400, "Choose a genome file first.");
  const start = await fetch("/api/uploads", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ fileName: file.name, size: file.size }),
    signal,
  }).catch(() => null);
  if (!start || start.status === 404) {
    return sendXhr<JobDetail>("/api/jobs", form, [201], (f) => onProgress(f, f < 1 ? "uploading" : "validating"), signal);
  }
  const offer = (await start.json().catch(() => null)) as ({ uploadId: string; url: string; fields: Record<string, string> } & ErrorBody) | null;
  if (!start.ok || !offer?.uploadId) throw apiError(start.status, offer);

  const direct = new FormData();
  for (const [k, v] of Object.entries(offer.fields)) direct.append(k, v);
  direct.append("file", file); // object stores want the file last
  await sendXhr<unknown>(offer.url, direct, [200, 201, 204], (f) => onProgress(f, "uploading"), signal, true);
  onProgress(1, "validating");

  const confirm = await fetch("/api/jobs", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ uploadId: offer.uploadId, fileName: file.name, ...paramsOf(form) }),
    signal,
  });
  const body = (await confirm.json().catch(() => null)) as (JobDetail & ErrorBody) | null;
  if (confirm.status !== 201 || !body) throw apiError(confirm.status, body);
  return body;
}

/** The form's settings as the JSON confirm takes them: numbers and booleans, not strings. */
function paramsOf(form: FormData): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of form.entries()) {
    if (name === "file" || typeof value !== "string" || value === "") continue;
    const key = name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    if (key === "jobName" || key === "modelName") out[key] = value;
    else if (key === "useCpu") out[key] = ["true", "1", "yes", "on"].includes(value.toLowerCase());
    else out[key] = Number(value);
  }
  return out;
}

function apiError(status: number, body: ErrorBody | null): ApiError {
  const e = body?.error;
  return new ApiError(status, e?.message ?? `Upload failed (${status})`, e?.code, e?.fields);
}

function sendXhr<T>(
  url: string,
  form: FormData,
  ok: number[],
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
  toStore = false,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    if (!toStore) xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (ok.includes(xhr.status)) {
        if (toStore) return resolve(undefined as T);
        try {
          return resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          return reject(new ApiError(xhr.status, "The server sent an unreadable answer."));
        }
      }
      if (toStore) return reject(new ApiError(xhr.status, `The file store refused the upload (${xhr.status}). Try again.`));
      let body: ErrorBody | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      reject(apiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, "The upload was interrupted. Check your connection and try again."));
    xhr.onabort = () => reject(new ApiError(0, "Upload cancelled."));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
