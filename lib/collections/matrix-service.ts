import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { sqlOf, type Db } from "@/lib/db";
import type { Storage } from "@/lib/storage";
import { buildMatrix, type CollectionMatrix } from "./matrix";
import { readMemberCalls } from "./member-results";

export interface MatrixAnswer {
  matrix: CollectionMatrix;
  /** Changes whenever the matrix could: a member added, removed, finished, archived or purged. */
  etag: string;
  fromCache: boolean;
}

/** A collection's members cap what one matrix reads; the membership API adds 500 at a time. */
export const MAX_MATRIX_MEMBERS = 5000;

// One entry per collection, valid while its membership key (below) is unchanged. In this process's
// memory: with several servers each keeps its own copy, built on first request (the key is read
// from the database every time, so no server ever serves a stale matrix).
const matrices = new LRUCache<string, { key: string; matrix: CollectionMatrix }>({ max: 64 });

/**
 * The cache key, from one aggregate query instead of every member row. It moves whenever the
 * matrix could: membership changes bump the collection's updated_at (add, remove, upload into
 * it); a purge or a deleted job lowers the member count and adds a purge note; a member's status
 * change or archive raises its version (versions only grow, so the sum moves).
 */
async function membershipKey(db: Db, collectionId: string): Promise<string | null> {
  const [collection, jobs, purged] = await Promise.all([
    db.collection.findUnique({ where: { id: collectionId }, select: { updatedAt: true } }),
    sqlOf(db).collectionMembersDigest(collectionId),
    db.collectionPurgedJob.count({ where: { collectionId } }),
  ]);
  if (!collection) return null;
  const parts = [collection.updatedAt.getTime(), jobs.members, jobs.versions, jobs.lastUpdate, purged];
  return createHash("sha256").update(parts.join("|")).digest("base64url").slice(0, 24);
}

/** The matrix of a collection whose ownership (or share link) the caller has already checked. */
export async function collectionMatrix(db: Db, storage: Storage, collectionId: string): Promise<MatrixAnswer> {
  const key = (await membershipKey(db, collectionId)) ?? "gone";
  const etag = `"m-${key}"`;
  const hit = matrices.get(collectionId);
  if (hit?.key === key) return { matrix: hit.matrix, etag, fromCache: true };

  const [links, purgedRows] = await Promise.all([
    db.collectionJob.findMany({
      where: { collectionId },
      select: { job: { select: { id: true, jobName: true, status: true, progress: true, version: true, resultFilePath: true, createdAt: true } } },
      orderBy: [{ job: { createdAt: "asc" } }, { jobId: "asc" }],
      take: MAX_MATRIX_MEMBERS,
    }),
    db.collectionPurgedJob.findMany({ where: { collectionId }, orderBy: { purgedAt: "asc" }, take: MAX_MATRIX_MEMBERS }),
  ]);
  const jobs = links.map((l) => l.job);
  const memberIds = new Set(jobs.map((j) => j.id));
  const purged = purgedRows.filter((p) => !memberIds.has(p.jobId));
  const finished = jobs.filter((j) => j.status === "Completed" || j.status === "Archived");
  const calls = await readMemberCalls(storage, finished);
  const matrix = buildMatrix(
    jobs.map((j) => ({ id: j.id, name: j.jobName, status: j.status, progress: j.progress })),
    calls,
    purged.map((p) => ({ jobId: p.jobId, name: p.jobName, purgedAt: p.purgedAt.toISOString() })),
  );
  matrices.set(collectionId, { key, matrix });
  return { matrix, etag, fromCache: false };
}

/** Tests and benchmarks: forget every cached matrix. */
export function clearMatrixCache(): void {
  matrices.clear();
}
