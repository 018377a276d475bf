// DELETE /api/share-links/:id — revoke one of the caller's share links (404 for anyone else's).
import { appDb } from "@/lib/db";
import { withUser } from "@/lib/http/with-user";
import { revokeShareLink } from "@/lib/shares/links";
import { shareLinkIdParamSchema } from "@/lib/shares/schemas";

export const dynamic = "force-dynamic";

export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  const { id } = shareLinkIdParamSchema.parse(params);
  await revokeShareLink(appDb(), user.id, id);
  return new Response(null, { status: 204 });
});
