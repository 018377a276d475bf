import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toJobDetail } from "@/lib/jobs/dto";
import { getJob } from "@/lib/jobs/queries";
import type { SharedView } from "./dto";
import { hashShareToken, isShareTokenShaped } from "./secret";

/** Exactly what a token opens: one job or one collection, nothing else. */
export type ShareTarget = { kind: "job"; jobId: string; owner: string | null; expiresAt: Date | null } | { kind: "collection"; collectionId: string; owner: string | null; expiresAt: Date | null };

/** One answer for malformed, unknown, expired and revoked links alike: nothing to tell them apart. */
export function shareNotFound(): AppError {
  return new AppError("not_found", "This link does not exist or is no longer shared.");
}

export async function resolveShare(db: Db, token: string, now = new Date()): Promise<ShareTarget> {
  if (!isShareTokenShaped(token)) throw shareNotFound();
  const row = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: { jobId: true, collectionId: true, expiresAt: true, revokedAt: true, showOwner: true, user: { select: { username: true, disabledAt: true } } },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) || row.user.disabledAt) throw shareNotFound();
  const owner = row.showOwner ? row.user.username : null;
  if (row.jobId) return { kind: "job", jobId: row.jobId, owner, expiresAt: row.expiresAt };
  if (row.collectionId) return { kind: "collection", collectionId: row.collectionId, owner, expiresAt: row.expiresAt };
  throw shareNotFound();
}

/** The page's data for a resolved link. */
export async function sharedView(db: Db, target: ShareTarget): Promise<SharedView> {
  const expiresAt = target.expiresAt?.toISOString() ?? null;
  if (target.kind === "job") {
    const job = await getJob(db, target.jobId);
    if (!job) throw shareNotFound();
    return { kind: "job", owner: target.owner, expiresAt, job: toJobDetail(job) };
  }
  const row = await db.collection.findUnique({ where: { id: target.collectionId }, select: { name: true, _count: { select: { jobs: true } } } });
  if (!row) throw shareNotFound();
  return { kind: "collection", owner: target.owner, expiresAt, collection: { name: row.name, jobCount: row._count.jobs } };
}
