// GET /api/collections/:id/matrix?format=json|tsv|csv|xlsx — the cohort views of a collection.
import { matrixResponse } from "@/lib/collections/matrix-response";
import { getCollectionRowOrThrow } from "@/lib/collections/repository";
import { collectionIdParamSchema, matrixQuerySchema } from "@/lib/collections/schemas";
import { appDb } from "@/lib/db";
import { withUser } from "@/lib/http/with-user";
import { getStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

export const GET = withUser<{ id: string }>(async ({ req, user, params }) => {
  const { id } = collectionIdParamSchema.parse(params);
  const { format } = matrixQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const collection = await getCollectionRowOrThrow(appDb(), user.id, id);
  return matrixResponse(req, appDb(), getStorage(), collection, format);
});
