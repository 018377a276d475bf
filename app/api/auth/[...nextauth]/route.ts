// /api/auth/* — NextAuth (csrf, session, signin, signout, callback); credential sign-ins are
// rate-limited here first, since NextAuth has no limits of its own and cannot answer 429 (nor
// the 503 of saturated password-hashing threads).
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { loginBlocked } from "@/lib/auth/login-limits";
import { busyAsUnavailable, signInBusyResponse } from "@/lib/auth/sign-in-busy";
import { appDb } from "@/lib/db";
import { toErrorResponse } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { rateLimitedError } from "@/lib/rate-limit/store";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

function handle(req: NextRequest, ctx: Ctx): Promise<Response> {
  return NextAuth(req, ctx, authOptions());
}

export const GET = handle;

export async function POST(req: NextRequest, ctx: Ctx): Promise<Response> {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const busy = signInBusyResponse();
    if (busy) return busy;
    const form = await req.clone().formData().catch(() => null);
    const username = String(form?.get("username") ?? "").slice(0, 64);
    const blocked = await loginBlocked(appDb(), username, clientIp(req.headers));
    if (blocked) {
      return toErrorResponse(rateLimitedError(blocked, `Too many sign-in attempts. Try again in ${Math.ceil(blocked.retryAfterSeconds / 60)} minutes.`));
    }
    return busyAsUnavailable(await handle(req, ctx));
  }
  return handle(req, ctx);
}
