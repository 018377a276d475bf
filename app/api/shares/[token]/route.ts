// GET /api/shares/:token — what a share link opens (a job or a collection), without an account.
// Unknown, malformed, expired and revoked links all answer the same 404.
import { appDb } from "@/lib/db";
import { json } from "@/lib/http/json";
import { sharedView } from "@/lib/shares/resolve";
import { withShare } from "@/lib/shares/with-share";

export const dynamic = "force-dynamic";

export const GET = withShare(async ({ target }) => json(await sharedView(appDb(), target)));
