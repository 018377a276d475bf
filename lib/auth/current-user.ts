import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { resolveSession } from "./require-user";
import type { SessionUser } from "./session-user";

/** For server components and actions: the signed-in user or null, once per render. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const header = jar
    .getAll()
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
  return (await resolveSession(header))?.user ?? null;
});

/** For protected pages: sends signed-out (or revoked) visitors to /login and back afterwards. */
export async function requireUserPage(returnTo?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
  return user;
}
