// GET /api/shares/:token/matrix?format=json|tsv|csv|xlsx — the shared collection's views
// (404 for a job's link).
import { matrixResponse } from "@/lib/collections/matrix-response";
import { matrixQuerySchema } from "@/lib/collections/schemas";
import { appDb } from "@/lib/db";
import { shareNotFound } from "@/lib/shares/resolve";
import { withShare } from "@/lib/shares/with-share";
import { getStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

export const GET = withShare(async ({ req, target }) => {
  if (target.kind !== "collection") throw shareNotFound();
  const { format } = matrixQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const collection = await appDb().collection.findUnique({ where: { id: target.collectionId }, select: { id: true, name: true } });
  if (!collection) throw shareNotFound();
  return matrixResponse(req, appDb(), getStorage(), collection, format);
});
