// GET /api/share-links?jobId=&collectionId= — the caller's active share links. POST — create one
// {jobId | collectionId, expiresInDays?, showOwner?}: 201 with the token and URL, shown once.
import { appDb } from "@/lib/db";
import { json } from "@/lib/http/json";
import { readJson } from "@/lib/http/read-json";
import { withUser } from "@/lib/http/with-user";
import { createShareLink, listShareLinks } from "@/lib/shares/links";
import { createShareSchema, listSharesQuerySchema } from "@/lib/shares/schemas";

export const dynamic = "force-dynamic";

export const GET = withUser(async ({ req, user }) => {
  const filter = listSharesQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return json({ links: await listShareLinks(appDb(), user.id, filter) });
});

export const POST = withUser(async ({ req, user }) => {
  const { link, token } = await createShareLink(appDb(), user.id, await readJson(req, createShareSchema));
  return json({ link, token, path: `/s/${token}` }, 201);
});
