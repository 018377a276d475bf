// POST /api/auth/sign-out-everywhere — end every session of the account, this one included: 204
import { cookieOptions } from "@/lib/auth/session-config";
import { revokeSessions } from "@/lib/auth/users";
import { appDb } from "@/lib/db";
import { withSessionUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const POST = withSessionUser(async ({ user }) => {
  await revokeSessions(appDb(), user.id);
  const { name, options } = cookieOptions().sessionToken;
  const clear = `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${options.secure ? "; Secure" : ""}`;
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store", "Set-Cookie": clear } });
});
