import { toErrorResponse } from "@/lib/errors";
import { hashPool, hashPoolBusyError } from "./hash-pool";

// NextAuth's credentials callback cannot answer with a status of its own: an error thrown in
// authorize() comes back as a 401 whose redirect URL carries the message. The route turns that
// one message (and a saturated pool seen before NextAuth even starts) into the 503 every other
// hashing route gives, so the sign-in form and scripts see "busy, retry", not "wrong password".

export const SIGN_IN_BUSY = "PasswordCheckBusy";

/** The 503 to send before NextAuth runs, when no hashing thread or backlog slot is free. */
export function signInBusyResponse(): Response | null {
  return hashPool().saturated() ? toErrorResponse(hashPoolBusyError()) : null;
}

/** NextAuth's answer, or the 503 when authorize() gave up because the pool was saturated. */
export async function busyAsUnavailable(res: Response): Promise<Response> {
  if (res.status !== 401 || !res.headers.get("content-type")?.includes("application/json")) return res;
  const body = (await res.clone().json().catch(() => null)) as { url?: string } | null;
  const error = body?.url ? new URL(body.url, "http://x").searchParams.get("error") : null;
  return error === SIGN_IN_BUSY ? toErrorResponse(hashPoolBusyError()) : res;
}
