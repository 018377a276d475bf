// The one way the browser talks to the API. Every error answer is `{ error: { code, message,
// fields? } }` (lib/errors.ts); this module is the only client code that reads that shape.

/** What a user is told when the request never reached the server (offline, DNS, reset). */
export const NETWORK_MESSAGE = "We could not reach the server. Check your connection and try again.";

/** A failed API call: the server's own message and field errors, and how long to wait on 429/503. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly fields: Record<string, string>;
  /** Seconds from Retry-After (delta or HTTP date); null when the server sent none. */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    message: string,
    opts: { code?: string; fields?: Record<string, string>; retryAfter?: number | null } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = opts.code;
    this.fields = opts.fields ?? {};
    this.retryAfter = opts.retryAfter ?? null;
  }
}

/** Seconds to wait from a Retry-After header: either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function fallbackMessage(status: number): string {
  if (status === 429) return "Too many requests. Wait a moment and try again.";
  if (status === 413) return "The upload is too large.";
  return `Something went wrong (${status}). Try again.`;
}

/**
 * The error an answer stands for, from its status, body text and Retry-After. Used for fetch
 * answers and for XMLHttpRequest ones (uploads), so both read errors the same way.
 */
export function errorFromBody(status: number, text: string, retryAfterHeader: string | null): ApiError {
  let error: { code?: unknown; message?: unknown; fields?: unknown } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error } | null)?.error;
  } catch {
    error = undefined; // a proxy's HTML page or an empty body: keep the status, say something useful
  }
  const fields =
    error?.fields && typeof error.fields === "object"
      ? Object.fromEntries(Object.entries(error.fields as Record<string, unknown>).filter(([, v]) => typeof v === "string")) as Record<string, string>
      : {};
  return new ApiError(status, typeof error?.message === "string" && error.message ? error.message : fallbackMessage(status), {
    code: typeof error?.code === "string" ? error.code : undefined,
    fields,
    retryAfter: parseRetryAfter(retryAfterHeader),
  });
}

export async function errorFromResponse(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => "");
  return errorFromBody(res.status, text, res.headers.get("Retry-After"));
}

/**
 * Calls the API and returns its parsed JSON (undefined for 204). Throws ApiError for every
 * failure: status 0 when the network failed, the server's message and fields otherwise.
 * An abort is re-thrown as is so callers can tell "cancelled" from "failed".
 */
export async function apiFetch<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { Accept: "application/json", ...init.headers } });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, NETWORK_MESSAGE, { code: "network" });
  }
  if (!res.ok) throw await errorFromResponse(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, "The server sent an unreadable answer. Try again.", { code: "unreadable" });
  }
}

/** Sends JSON (POST unless told otherwise) and returns the parsed answer. */
export function postJson<T>(url: string, body?: unknown, method: "POST" | "PATCH" | "PUT" | "DELETE" = "POST", signal?: AbortSignal): Promise<T> {
  return apiFetch<T>(url, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
}

/** SWR's fetcher: as apiFetch, and an expired session sends the user to sign in again (a full page load: a fetcher has no router, and nothing of the old session should linger). */
export async function swrFetcher<T>(url: string): Promise<T> {
  try {
    return await apiFetch<T>(url);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401 && typeof window !== "undefined") {
      // The session is gone: a full page load drops every cached response of the old one.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- deliberate hard navigation
      window.location.href = `/login?callbackUrl=${encodeURIComponent(window.location.pathname)}`;
    }
    throw err;
  }
}

/** What a form shows: one message and the field errors. */
export interface FormFailure {
  message: string;
  fields: Record<string, string>;
}

/** Any thrown value as a form failure (`postJson(...).then(() => null, toFormFailure)`). */
export function toFormFailure(err: unknown): FormFailure {
  if (err instanceof ApiError) return { message: err.message, fields: { ...err.fields } };
  return { message: "Something went wrong. Try again.", fields: {} };
}

/** The message to show for any thrown value, with a fallback for the unexpected. */
export function messageOf(err: unknown, fallback = "Something went wrong. Try again."): string {
  return err instanceof ApiError ? err.message : fallback;
}
