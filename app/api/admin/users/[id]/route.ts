// PATCH /api/admin/users/:id {role?, disabled?} — promote, demote, disable or re-enable an account
// (admins, from a browser session: an API token, even an admin's, cannot change accounts).
import { z } from "zod";
import { updateUser, updateUserSchema } from "@/lib/auth/admin-users";
import { appDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/json";
import { readJson } from "@/lib/http/read-json";
import { withSessionUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

export const PATCH = withSessionUser<{ id: string }>(async ({ req, user, params }) => {
  if (user.role !== "admin") throw new AppError("forbidden");
  const { id } = paramsSchema.parse(params);
  return json(await updateUser(appDb(), user.id, id, await readJson(req, updateUserSchema)));
});
