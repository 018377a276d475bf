// GET /api/tokens — the caller's API tokens; POST /api/tokens — create one (the secret is in this answer only).
// Browser sessions only: an API token cannot list, create or revoke tokens (403).
import { createTokenSchema } from "@/lib/api-tokens/schemas";
import { createApiToken, listApiTokens } from "@/lib/api-tokens/tokens";
import { appDb } from "@/lib/db";
import { json } from "@/lib/http/json";
import { readJson } from "@/lib/http/read-json";
import { withSessionUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const GET = withSessionUser(async ({ user }) => json({ items: await listApiTokens(appDb(), user.id) }));

export const POST = withSessionUser(async ({ req, user }) => {
  const input = await readJson(req, createTokenSchema);
  return json(await createApiToken(appDb(), user.id, input), 201);
});
