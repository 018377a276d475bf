import { ApiError, apiFetch, errorFromBody, NETWORK_MESSAGE } from "@/components/api/client";
import type { JobDetail } from "@/components/jobs/types";

export type UploadPhase = "uploading" | "validating";

type Offer = { uploadId: string; url: string; fields: Record<string, string> };

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
  const collectionId = form.get("collection_id");
  let offer: Offer | null;
  try {
    offer = await apiFetch<Offer>("/api/uploads", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ fileName: file.name, size: file.size, ...(typeof collectionId === "string" && collectionId ? { collectionId } : {}) }),
      signal,
    });
  } catch (err) {
    // Files stay on the server's disk: the genome goes through the app as multipart. Any other
    // refusal (a collection that is not yours, a full queue) is the answer, not a reason to resend.
    if (!(err instanceof ApiError) || err.code !== "direct_upload_unavailable") throw err;
    offer = null;
  }
  if (!offer) {
    return sendXhr<JobDetail>("/api/jobs", form, [201], (f) => onProgress(f, f < 1 ? "uploading" : "validating"), signal);
  }

  const direct = new FormData();
  for (const [k, v] of Object.entries(offer.fields)) direct.append(k, v);
  direct.append("file", file); // object stores want the file last
  await sendXhr<unknown>(offer.url, direct, [200, 201, 204], (f) => onProgress(f, "uploading"), signal, true);
  onProgress(1, "validating");

  return apiFetch<JobDetail>("/api/jobs", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ uploadId: offer.uploadId, fileName: file.name, ...paramsOf(form) }),
    signal,
  });
}

/** The form's settings as the JSON confirm takes them: numbers and booleans, not strings. */
export function paramsOf(form: FormData): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of form.entries()) {
    if (name === "file" || typeof value !== "string" || value === "") continue;
    const key = name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    if (key === "jobName" || key === "modelName" || key === "collectionId") out[key] = value;
    else if (key === "useCpu") out[key] = ["true", "1", "yes", "on"].includes(value.toLowerCase());
    else out[key] = Number(value);
  }
  return out;
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
    if (signal?.aborted) return reject(new DOMException("Upload cancelled.", "AbortError"));
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
          return reject(new ApiError(xhr.status, "The server sent an unreadable answer. Try again.", { code: "unreadable" }));
        }
      }
      if (toStore) return reject(new ApiError(xhr.status, `The file store refused the upload (${xhr.status}). Try again.`));
      reject(errorFromBody(xhr.status, xhr.responseText, xhr.getResponseHeader("Retry-After")));
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_MESSAGE, { code: "network" }));
    xhr.onabort = () => reject(new DOMException("Upload cancelled.", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
