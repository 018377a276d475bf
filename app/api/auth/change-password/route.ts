// POST /api/auth/change-password — {currentPassword, newPassword}: 204; ends every other session
import { changePasswordSchema } from "@/lib/auth/schemas";
import { issueSessionCookie } from "@/lib/auth/session-cookie";
import { changePassword } from "@/lib/auth/users";
import { appDb } from "@/lib/db";
import { readJson } from "@/lib/http/read-json";
import { withSessionUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const POST = withSessionUser(async ({ req, user }) => {
  const { currentPassword, newPassword } = await readJson(req, changePasswordSchema);
  const sv = await changePassword(appDb(), user.id, currentPassword, newPassword);
  // This browser just proved the password, so it gets a fresh session; all others are ended.
  const cookie = await issueSessionCookie({ sub: user.id, role: user.role, sv, authTime: Math.floor(Date.now() / 1000) });
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store", "Set-Cookie": cookie } });
});
