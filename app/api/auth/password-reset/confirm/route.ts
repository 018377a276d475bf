// POST /api/auth/password-reset/confirm — {token, password}: 204; 400 invalid, expired or used
import { confirmPasswordReset } from "@/lib/auth/password-reset";
import { resetConfirmSchema } from "@/lib/auth/schemas";
import { appDb } from "@/lib/db";
import { readJson } from "@/lib/http/read-json";
import { withErrors } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const POST = withErrors(async ({ req }) => {
  const { token, password } = await readJson(req, resetConfirmSchema);
  await confirmPasswordReset(appDb(), token, password);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
