import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toCollectionDto, type CollectionDto } from "./dto";
import type { MembersChange } from "./schemas";

// Every query names the owner: another user's collection and a missing one look the same (404).

const NOT_FOUND = "Collection not found.";
/** A user's collections are listed whole; this bounds the page for an unusual account. */
const LIST_LIMIT = 500;

function duplicateName(): AppError {
  return new AppError("conflict", "You already have a collection with that name.", { fields: { name: "You already have a collection with that name." } });
}

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "P2002";

export async function listCollections(db: Db, userId: string): Promise<CollectionDto[]> {
  const rows = await db.collection.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: { id: true, name: true, createdAt: true, updatedAt: true, _count: { select: { jobs: true } } },
  });
  return rows.map((r) => toCollectionDto(r, r._count.jobs));
}

export async function createCollection(db: Db, userId: string, name: string, now = new Date()): Promise<CollectionDto> {
  if (await db.collection.findFirst({ where: { userId, name }, select: { id: true } })) throw duplicateName();
  try {
    const row = await db.collection.create({ data: { id: randomUUID(), userId, name, createdAt: now, updatedAt: now } });
    return toCollectionDto(row, 0);
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName(); // a concurrent create won the name
    throw err;
  }
}

/** The owner's collection row, or 404. */
export async function getCollectionRowOrThrow(db: Db, userId: string, id: string) {
  const row = await db.collection.findFirst({ where: { id, userId } });
  if (!row) throw new AppError("not_found", NOT_FOUND);
  return row;
}

export async function getCollection(db: Db, userId: string, id: string): Promise<CollectionDto> {
  const row = await db.collection.findFirst({
    where: { id, userId },
    select: { id: true, name: true, createdAt: true, updatedAt: true, _count: { select: { jobs: true } } },
  });
  if (!row) throw new AppError("not_found", NOT_FOUND);
  return toCollectionDto(row, row._count.jobs);
}

export async function renameCollection(db: Db, userId: string, id: string, name: string, now = new Date()): Promise<CollectionDto> {
  const clash = await db.collection.findFirst({ where: { userId, name, NOT: { id } }, select: { id: true } });
  if (clash) throw duplicateName();
  try {
    const { count } = await db.collection.updateMany({ where: { id, userId }, data: { name, updatedAt: now } });
    if (count === 0) throw new AppError("not_found", NOT_FOUND);
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName();
    throw err;
  }
  return getCollection(db, userId, id);
}

/** Deletes the collection, its membership rows and its share links; never a job. */
export async function deleteCollection(db: Db, userId: string, id: string): Promise<void> {
  const { count } = await db.collection.deleteMany({ where: { id, userId } });
  if (count === 0) throw new AppError("not_found", NOT_FOUND);
}

/**
 * Adds and removes members in one transaction. Every id must be one of the user's own jobs:
 * otherwise 404 and nothing changes (a foreign id and a missing one look the same).
 */
export async function changeMembers(
  db: Db,
  userId: string,
  id: string,
  change: MembersChange,
  now = new Date(),
): Promise<{ added: number; removed: number; jobCount: number }> {
  await getCollectionRowOrThrow(db, userId, id);
  const add = [...new Set(change.add ?? [])];
  const remove = [...new Set(change.remove ?? [])].filter((j) => !add.includes(j));
  const named = [...new Set([...add, ...remove])];
  const owned = await db.amrJob.count({ where: { userId, id: { in: named } } });
  if (owned !== named.length) throw new AppError("not_found", "Job not found.");

  try {
    return await applyMembers(db, userId, id, add, remove, now);
  } catch (err) {
    // Two requests adding the same job at once: the primary key decides, the loser is told.
    if (isUniqueViolation(err)) throw new AppError("conflict", "The collection changed meanwhile; try again.");
    throw err;
  }
}

function applyMembers(db: Db, userId: string, id: string, add: string[], remove: string[], now: Date) {
  return db.$transaction(async (tx) => {
    const present = await tx.collectionJob.findMany({ where: { collectionId: id, jobId: { in: add } }, select: { jobId: true } });
    const already = new Set(present.map((p) => p.jobId));
    const fresh = add.filter((j) => !already.has(j));
    if (fresh.length > 0) await tx.collectionJob.createMany({ data: fresh.map((jobId) => ({ collectionId: id, jobId, addedAt: now })) });
    const removed = remove.length > 0 ? (await tx.collectionJob.deleteMany({ where: { collectionId: id, jobId: { in: remove } } })).count : 0;
    // A job that comes back is a member again, not a purged one.
    if (fresh.length > 0) await tx.collectionPurgedJob.deleteMany({ where: { collectionId: id, jobId: { in: fresh } } });
    // Ownership again inside the transaction: a collection deleted meanwhile is not revived.
    const { count } = await tx.collection.updateMany({ where: { id, userId }, data: { updatedAt: now } });
    if (count === 0) throw new AppError("not_found", NOT_FOUND);
    const jobCount = await tx.collectionJob.count({ where: { collectionId: id } });
    return { added: fresh.length, removed, jobCount };
  });
}
