// GET/PATCH {name}/DELETE /api/collections/:id — one of the caller's collections (404 for anyone
// else's). DELETE removes the collection and its share links, never its jobs.
import { deleteCollection, getCollection, renameCollection } from "@/lib/collections/repository";
import { collectionIdParamSchema, renameCollectionSchema } from "@/lib/collections/schemas";
import { appDb } from "@/lib/db";
import { json } from "@/lib/http/json";
import { readJson } from "@/lib/http/read-json";
import { withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const GET = withUser<{ id: string }>(async ({ user, params }) => {
  const { id } = collectionIdParamSchema.parse(params);
  return json(await getCollection(appDb(), user.id, id));
});

export const PATCH = withUser<{ id: string }>(async ({ req, user, params }) => {
  const { id } = collectionIdParamSchema.parse(params);
  const { name } = await readJson(req, renameCollectionSchema);
  return json(await renameCollection(appDb(), user.id, id, name));
});

export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  const { id } = collectionIdParamSchema.parse(params);
  await deleteCollection(appDb(), user.id, id);
  return new Response(null, { status: 204 });
});
