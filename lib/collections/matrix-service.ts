import { LRUCache } from "lru-cache";
import { sqlOf, type Db } from "@/lib/db";
import { weakEtag } from "@/lib/http/etag";
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

// One entry per collection, valid while its ETag (below) is unchanged. In this process's
// memory: with several servers each keeps its own copy, built on first request (the ETag is read
// from the database every time, so no server ever serves a stale matrix).
const matrices = new LRUCache<string, { etag: string; matrix: CollectionMatrix }>({ max: 64 });

/**
 * The matrix's ETag (also its cache key), from one aggregate query instead of every member row,
 * so a poll can be answered 304 without building the matrix. It moves whenever the
 * matrix could: membership changes bump the collection's updated_at (add, remove, upload into
 * it); a purge or a deleted job lowers the member count and adds a purge note; a member's status
 * change or archive raises its version (versions only grow, so the sum moves).
 */
export async function matrixEtag(db: Db, collectionId: string): Promise<string> {
  const [collection, jobs, purged] = await Promise.all([
    db.collection.findUnique({ where: { id: collectionId }, select: { updatedAt: true } }),
    sqlOf(db).collectionMembersDigest(collectionId),
    db.collectionPurgedJob.count({ where: { collectionId } }),
  ]);
  return weakEtag("matrix", collection?.updatedAt.getTime() ?? "gone", jobs.members, jobs.versions, jobs.lastUpdate, purged);
}

/**
 * The matrix of a collection whose ownership (or share link) the caller has already checked;
 * `etag` is matrixEtag's answer when the caller has just read it.
 */
export async function collectionMatrix(db: Db, storage: Storage, collectionId: string, etag?: string): Promise<MatrixAnswer> {
  etag ??= await matrixEtag(db, collectionId);
  const hit = matrices.get(collectionId);
  if (hit?.etag === etag) return { matrix: hit.matrix, etag, fromCache: true };

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
  matrices.set(collectionId, { etag, matrix });
  return { matrix, etag, fromCache: false };
}

/** Tests and benchmarks: forget every cached matrix. */
export function clearMatrixCache(): void {
  matrices.clear();
}
