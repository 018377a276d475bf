// Browser-side calls for the auth forms. Field errors come back from the API as
// error.fields (zod) or error.details.fields (service rules such as "username taken").

export interface FormFailure {
  message: string;
  fields: Record<string, string>;
}

interface ErrorBody {
  error?: { message?: string; fields?: Record<string, string>; details?: { fields?: Record<string, string> } };
}

const NETWORK = "We could not reach the server. Check your connection and try again.";

export async function failureFrom(res: Response): Promise<FormFailure> {
  const body = (await res.json().catch(() => ({}))) as ErrorBody;
  const fields = { ...body.error?.fields, ...body.error?.details?.fields };
  return { message: body.error?.message ?? `Something went wrong (${res.status}). Try again.`, fields };
}

/** POSTs JSON; null on success, the failure to show otherwise. */
export async function postJson(url: string, body: unknown): Promise<FormFailure | null> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    return res.ok ? null : failureFrom(res);
  } catch {
    return { message: NETWORK, fields: {} };
  }
}

async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf", { cache: "no-store" });
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/**
 * Signs in through NextAuth's credentials callback directly (what next-auth/react's signIn
 * does) so a 429 from the rate limit, or a 503 while the server is checking too many passwords,
 * reaches the form with its own message.
 */
export async function signInWithPassword(username: string, password: string): Promise<FormFailure | null> {
  try {
    const res = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username, password, csrfToken: await csrfToken(), json: "true" }),
    });
    if (res.status === 429 || res.status === 503) return failureFrom(res);
    const data = (await res.json().catch(() => ({}))) as { url?: string };
    const error = data.url ? new URL(data.url, window.location.origin).searchParams.get("error") : "unknown";
    if (res.ok && !error) return null;
    return { message: "That username and password don't match an account.", fields: {} };
  } catch {
    return { message: NETWORK, fields: {} };
  }
}

/** Only same-site paths: an open redirect after sign-in would make phishing links look real. */
export function safeCallbackUrl(value: string | null | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/dashboard";
}
