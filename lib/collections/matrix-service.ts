import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Db } from "@/lib/db";
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

// One entry per collection, valid while its membership key is unchanged. In this process's
// memory: with several servers each keeps its own copy, built on first request (the key is read
// from the database every time, so no server ever serves a stale matrix).
const matrices = new LRUCache<string, { key: string; matrix: CollectionMatrix }>({ max: 64 });

/**
 * The matrix of a collection whose ownership (or share link) the caller has already checked.
 * The key is every member's id and row version (the version moves on every status change and
 * archive) plus the purge notes: one cheap query decides whether the cached matrix still holds.
 */
export async function collectionMatrix(db: Db, storage: Storage, collectionId: string): Promise<MatrixAnswer> {
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
  const hash = createHash("sha256");
  for (const j of jobs) hash.update(`${j.id}:${j.version};`);
  hash.update("|");
  for (const p of purged) hash.update(`${p.jobId};`);
  const key = hash.digest("base64url").slice(0, 24);
  const etag = `"m-${key}"`;

  const hit = matrices.get(collectionId);
  if (hit?.key === key) return { matrix: hit.matrix, etag, fromCache: true };

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
