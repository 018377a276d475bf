// /api/auth/* — NextAuth (csrf, session, signin, signout, callback); credential sign-ins are
// rate-limited here first, since NextAuth has no limits of its own and cannot answer 429 (nor
// the 503 of saturated password-hashing threads).
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { loginBlocked } from "@/lib/auth/login-limits";
import { busyAsUnavailable, signInBusyResponse } from "@/lib/auth/sign-in-busy";
import { appDb } from "@/lib/db";
import { AppError, toErrorResponse } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { assertSameOrigin } from "@/lib/http/origin";
import { withRequestId } from "@/lib/log/request-context";
import { fingerprint, securityEvent } from "@/lib/log/security-events";
import { rateLimitedError } from "@/lib/rate-limit/store";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

function handle(req: NextRequest, ctx: Ctx): Promise<Response> {
  return NextAuth(req, ctx, authOptions());
}

export const GET = withRequestId(handle);

export const POST = withRequestId(async (req: NextRequest, ctx: Ctx): Promise<Response> => {
  try {
    // NextAuth's CSRF token guards sign-in and sign-out; this refuses other sites before any of
    // it runs (no rate-limit read, no password check): every legitimate caller is our own pages.
    assertSameOrigin(req);
    // NextAuth's own client posts forms; anything else (text/plain JSON) is refused.
    if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers.get("content-type") ?? "")) {
      throw new AppError("unsupported_media_type", "Send the form as application/x-www-form-urlencoded.");
    }
    if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
      const busy = signInBusyResponse();
      if (busy) return busy;
      const form = await req.clone().formData().catch(() => null);
      const username = String(form?.get("username") ?? "").slice(0, 64);
      const ip = clientIp(req.headers);
      const blocked = await loginBlocked(appDb(), username, ip);
      if (blocked) {
        securityEvent("auth.login_rate_limited", { account: fingerprint(username), ip, retryAfterSeconds: blocked.retryAfterSeconds });
        throw rateLimitedError(blocked, `Too many sign-in attempts. Try again in ${Math.ceil(blocked.retryAfterSeconds / 60)} minutes.`);
      }
      return busyAsUnavailable(await handle(req, ctx));
    }
  } catch (err) {
    return toErrorResponse(err);
  }
  return handle(req, ctx);
});
