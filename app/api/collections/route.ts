// GET /api/collections — the caller's collections, newest first. POST — create one {name}.
import { createCollection, listCollections } from "@/lib/collections/repository";
import { createCollectionSchema } from "@/lib/collections/schemas";
import { appDb } from "@/lib/db";
import { json } from "@/lib/http/json";
import { readJson } from "@/lib/http/read-json";
import { withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const GET = withUser(async ({ user }) => json({ collections: await listCollections(appDb(), user.id) }));

export const POST = withUser(async ({ req, user }) => {
  const { name } = await readJson(req, createCollectionSchema);
  const collection = await createCollection(appDb(), user.id, name);
  return json(collection, 201, { Location: `/api/collections/${collection.id}` });
});
