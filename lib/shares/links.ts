import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toShareLinkDto, type ShareLinkDto } from "./dto";
import type { CreateShareInput } from "./schemas";
import { generateShareToken, hashShareToken } from "./secret";

const DAY_MS = 86_400_000;
/** Bounds what a leaked session could mint; revoked and expired links do not count. */
export const MAX_ACTIVE_SHARES = 200;
const LINK_SELECT = {
  id: true, jobId: true, collectionId: true, showOwner: true, createdAt: true, expiresAt: true, revokedAt: true,
  job: { select: { jobName: true } }, collection: { select: { name: true } },
} as const;

/** Creates a link to one of the caller's jobs or collections; the token is returned here once. */
export async function createShareLink(db: Db, userId: string, input: CreateShareInput, now = new Date()): Promise<{ link: ShareLinkDto; token: string }> {
  const target = input.jobId
    ? await db.amrJob.findFirst({ where: { id: input.jobId, userId }, select: { id: true } })
    : await db.collection.findFirst({ where: { id: input.collectionId, userId }, select: { id: true } });
  if (!target) throw new AppError("not_found", input.jobId ? "Job not found." : "Collection not found.");
  const active = await db.shareLink.count({ where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } });
  if (active >= MAX_ACTIVE_SHARES) throw new AppError("conflict", `You already have ${active} active share links; revoke one first.`);
  const token = generateShareToken();
  const row = await db.shareLink.create({
    data: {
      id: randomUUID(),
      userId,
      tokenHash: hashShareToken(token),
      jobId: input.jobId ?? null,
      collectionId: input.collectionId ?? null,
      showOwner: input.showOwner,
      createdAt: now,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
    },
    select: LINK_SELECT,
  });
  return { link: toShareLinkDto(row, now), token };
}

/** The caller's unrevoked links, newest first; optionally those of one job or collection. */
export async function listShareLinks(
  db: Db,
  userId: string,
  filter: { jobId?: string; collectionId?: string } = {},
  now = new Date(),
): Promise<ShareLinkDto[]> {
  const rows = await db.shareLink.findMany({
    where: { userId, revokedAt: null, ...filter },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: LINK_SELECT,
  });
  return rows.map((r) => toShareLinkDto(r, now));
}

/** Revokes one of the caller's links: from now on it answers 404 like any unknown link. */
export async function revokeShareLink(db: Db, userId: string, id: string, now = new Date()): Promise<void> {
  const { count } = await db.shareLink.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0) throw new AppError("not_found", "No such share link.");
}
