import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { afterCursor, NEWEST_FIRST, parseCursor, toPage } from "@/lib/pagination/keyset";
import { toRole, type Role } from "./session-user";
import { disableUser, enableUser, setRole } from "./users";

export const listUsersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  q: z.string().trim().max(64).optional(),
});

export const updateUserSchema = z
  .object({ role: z.enum(["user", "admin"]).optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: "Send role and/or disabled." });

/** What an admin sees of an account: never the hash, the session version or the reset tokens. */
export interface AdminUserView {
  id: string;
  username: string;
  email: string | null;
  role: Role;
  disabled: boolean;
  createdAt: string;
  lastLogin: string | null;
  jobs: number;
}

const select = {
  id: true,
  username: true,
  email: true,
  role: true,
  disabledAt: true,
  createdAt: true,
  lastLogin: true,
  _count: { select: { jobs: true } },
} as const;

type Row = { id: string; username: string; email: string | null; role: string; disabledAt: Date | null; createdAt: Date; lastLogin: Date | null; _count: { jobs: number } };

function toView(u: Row): AdminUserView {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    role: toRole(u.role),
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt.toISOString(),
    lastLogin: u.lastLogin?.toISOString() ?? null,
    jobs: u._count.jobs,
  };
}

/** Accounts, newest first, by keyset pagination; `q` matches the start of a username or email. */
export async function listUsers(db: Db, opts: z.infer<typeof listUsersQuerySchema>) {
  const rows = await db.user.findMany({
    where: {
      ...(opts.q ? { OR: [{ usernameKey: { startsWith: opts.q.toLowerCase() } }, { email: { startsWith: opts.q } }] } : {}),
      ...afterCursor(parseCursor(opts.cursor)),
    },
    orderBy: NEWEST_FIRST,
    take: opts.limit + 1,
    select,
  });
  const page = toPage(rows, opts.limit);
  return { items: page.items.map(toView), nextCursor: page.nextCursor };
}

/**
 * Changes another account's role or disabled state; both take effect on that user's next request
 * (the role is read per request, disabling bumps the session version). An admin cannot demote or
 * disable themselves, so the last admin cannot lock everyone out by accident.
 */
export async function updateUser(db: Db, actorId: string, targetId: string, change: z.infer<typeof updateUserSchema>): Promise<AdminUserView> {
  if (actorId === targetId) {
    throw new AppError("conflict", "You cannot change your own role or disable your own account; ask another admin.");
  }
  const exists = await db.user.findUnique({ where: { id: targetId }, select: { id: true } });
  if (!exists) throw new AppError("not_found", "No such user.");
  if (change.role !== undefined) await setRole(db, targetId, change.role);
  if (change.disabled === true) await disableUser(db, targetId);
  if (change.disabled === false) await enableUser(db, targetId);
  return toView((await db.user.findUnique({ where: { id: targetId }, select }))!);
}
