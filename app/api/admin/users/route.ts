// GET /api/admin/users?limit=&cursor=&q= — accounts, newest first (admins only).
import { listUsers, listUsersQuerySchema } from "@/lib/auth/admin-users";
import { appDb } from "@/lib/db";
import { json } from "@/lib/http/json";
import { withAdmin } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const GET = withAdmin(async ({ req }) => {
  const query = listUsersQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return json(await listUsers(appDb(), query));
});
