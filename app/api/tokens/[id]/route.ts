// DELETE /api/tokens/:id — revoke one of the caller's API tokens (browser sessions only); 404 for anyone else's.
import { tokenIdParamSchema } from "@/lib/api-tokens/schemas";
import { revokeApiToken } from "@/lib/api-tokens/tokens";
import { appDb } from "@/lib/db";
import { withSessionUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const DELETE = withSessionUser<{ id: string }>(async ({ user, params }) => {
  const { id } = tokenIdParamSchema.parse(params);
  await revokeApiToken(appDb(), user.id, id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
