import { ApiError, type JobDetail } from "./api";

/**
 * XMLHttpRequest rather than fetch: it is the browser API that reports upload progress,
 * which matters for a 100 MB genome on a slow link.
 */
export function uploadGenome(form: FormData, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<JobDetail> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/jobs");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: { error?: { message?: string; code?: string; details?: { fields?: Record<string, string> } } } | JobDetail | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 && body) return resolve(body as JobDetail);
      const e = (body as { error?: { message?: string; code?: string; details?: { fields?: Record<string, string> } } } | null)?.error;
      reject(new ApiError(xhr.status, e?.message ?? `Upload failed (${xhr.status})`, e?.code, e?.details?.fields));
    };
    xhr.onerror = () => reject(new ApiError(0, "The upload was interrupted. Check your connection and try again."));
    xhr.onabort = () => reject(new ApiError(0, "Upload cancelled."));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
