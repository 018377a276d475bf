import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { securityEvent } from "@/lib/log/security-events";
import { toApiTokenDto, type ApiTokenDto } from "./dto";
import { invalidateTokenLookup } from "./lookup-cache";
import type { CreateTokenInput } from "./schemas";
import { displayPrefix, generateTokenSecret, hashTokenSecret } from "./secret";

/** Enough for every pipeline a person runs; a cap keeps a leaked session from minting thousands. */
export const MAX_ACTIVE_TOKENS = 50;
const DAY_MS = 86_400_000;

/** Creates a token; the secret is returned here once and never stored. */
export async function createApiToken(
  db: Db,
  userId: string,
  input: CreateTokenInput,
  now = new Date(),
): Promise<{ token: ApiTokenDto; secret: string }> {
  const active = await db.apiToken.count({ where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } });
  if (active >= MAX_ACTIVE_TOKENS) {
    throw new AppError("conflict", `You already have ${active} active tokens; revoke one first.`);
  }
  const secret = generateTokenSecret();
  const row = await db.apiToken.create({
    data: {
      id: randomUUID(),
      userId,
      name: input.name,
      tokenHash: hashTokenSecret(secret),
      prefix: displayPrefix(secret),
      createdAt: now,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
    },
  });
  return { token: toApiTokenDto(row, now), secret };
}

/** The caller's unrevoked tokens, newest first (revoked rows stay in the table for the record). */
export async function listApiTokens(db: Db, userId: string, now = new Date()): Promise<ApiTokenDto[]> {
  const rows = await db.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map((r) => toApiTokenDto(r, now));
}

/** Revokes one of the caller's tokens; 404 for anyone else's. Effective in this process at once. */
export async function revokeApiToken(db: Db, userId: string, id: string, now = new Date()): Promise<void> {
  const row = await db.apiToken.findFirst({ where: { id, userId, revokedAt: null }, select: { tokenHash: true } });
  if (!row) {
    const other = await db.apiToken.findFirst({ where: { id, NOT: { userId } }, select: { userId: true } });
    if (other) securityEvent("access.cross_user_refused", { resource: "api_token", id, userId, ownerId: other.userId });
    throw new AppError("not_found", "No such token.");
  }
  await db.apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: now } });
  invalidateTokenLookup(row.tokenHash);
}
