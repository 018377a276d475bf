// Signing in from the browser: NextAuth's credentials callback, called directly.
import { ApiError, apiFetch, toFormFailure, type FormFailure } from "@/components/api/client";

const MISMATCH: FormFailure = { message: "That username and password don't match an account.", fields: {} };

/**
 * Signs in through NextAuth's credentials callback directly (what next-auth/react's signIn
 * does) so a 429 from the rate limit, or a 503 while the server is checking too many passwords,
 * reaches the form with its own message.
 */
export async function signInWithPassword(username: string, password: string): Promise<FormFailure | null> {
  try {
    const { csrfToken } = await apiFetch<{ csrfToken: string }>("/api/auth/csrf", { cache: "no-store" });
    const data = await apiFetch<{ url?: string } | undefined>("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username, password, csrfToken, json: "true" }),
    });
    const error = data?.url ? new URL(data.url, window.location.origin).searchParams.get("error") : "unknown";
    return error ? MISMATCH : null;
  } catch (err) {
    // Only the rate limit, a busy server and an unreachable one say more than "no match"
    // (enumeration-safe: none of them depends on the account).
    if (err instanceof ApiError && (err.status === 429 || err.status === 503 || err.status === 0)) return toFormFailure(err);
    return MISMATCH;
  }
}

/** Only same-site paths: an open redirect after sign-in would make phishing links look real. */
export function safeCallbackUrl(value: string | null | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/dashboard";
}
