// POST /api/auth/password-reset — mail a reset link: 202 with the same body whether or not the address has an account
import { requestPasswordReset, resetAcceptedBody } from "@/lib/auth/password-reset";
import { resetRequestSchema } from "@/lib/auth/schemas";
import { appDb } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { json } from "@/lib/http/json";
import { readJson } from "@/lib/http/read-json";
import { withErrors } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const POST = withErrors(async ({ req }) => {
  const { email } = await readJson(req, resetRequestSchema);
  await requestPasswordReset(appDb(), email, clientIp(req.headers));
  return json(resetAcceptedBody(), 202);
});
