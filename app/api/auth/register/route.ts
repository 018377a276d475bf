// POST /api/auth/register — create an account: 201 {id, username}; 400 field errors; 409 taken
import { registerSchema } from "@/lib/auth/schemas";
import { createUser } from "@/lib/auth/users";
import { appDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { json } from "@/lib/http/json";
import { readJson } from "@/lib/http/read-json";
import { withErrors } from "@/lib/http/with-user";
import { limitKeys, POLICIES } from "@/lib/rate-limit/policies";
import { securityEvent } from "@/lib/log/security-events";
import { consume } from "@/lib/rate-limit/store";

export const dynamic = "force-dynamic";

export const POST = withErrors(async ({ req }) => {
  const input = await readJson(req, registerSchema);
  const ip = clientIp(req.headers);
  await consume(appDb(), limitKeys.registerIp(ip), POLICIES.registerPerIp).catch((err: unknown) => {
    // Only the 429 is the security event; a database failure here is logged as the 500 it becomes.
    if (err instanceof AppError && err.code === "rate_limited") securityEvent("auth.register_rate_limited", { ip });
    throw err;
  });
  const user = await createUser(appDb(), input);
  return json({ id: user.id, username: user.username }, 201);
});
