import type { JobDetail, JobSummary } from "@/lib/jobs/types";
import type { AmrResult } from "@/lib/amr/types";
import type { ModelInfo } from "@/lib/amr/models";

export type { JobDetail, JobSummary, AmrResult, ModelInfo };

export interface JobPage {
  items: JobSummary[];
  nextCursor: string | null;
}

/** An API failure with the server's own message (the API always sends `{ error: { message } }`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export async function readApiError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { message?: string; code?: string; fields?: Record<string, string> } };
    const e = body.error;
    return new ApiError(res.status, e?.message ?? `Request failed (${res.status})`, e?.code, e?.fields);
  } catch {
    return new ApiError(res.status, `Request failed (${res.status})`);
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { Accept: "application/json", ...init?.headers } });
  if (res.status === 401 && typeof window !== "undefined") {
    // The session is gone: a full page load drops every cached response of the old one.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- deliberate hard navigation
    window.location.href = `/login?callbackUrl=${encodeURIComponent(window.location.pathname)}`;
  }
  if (!res.ok) throw await readApiError(res);
  return (await res.json()) as T;
}

export async function postJson<T>(url: string, body?: unknown, method = "POST"): Promise<T | null> {
  const res = await fetch(url, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw await readApiError(res);
  return res.status === 204 ? null : ((await res.json()) as T);
}
