// POST /api/collections/:id/members {add?, remove?} — change membership (at most 500 ids); any id
// that is not one of the caller's jobs → 404 and nothing changes.
import { changeMembers } from "@/lib/collections/repository";
import { collectionIdParamSchema, membersChangeSchema } from "@/lib/collections/schemas";
import { appDb } from "@/lib/db";
import { json } from "@/lib/http/json";
import { readJson } from "@/lib/http/read-json";
import { withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const { id } = collectionIdParamSchema.parse(params);
  const change = await readJson(req, membersChangeSchema);
  return json(await changeMembers(appDb(), user.id, id, change));
});
