import { resolveParams } from "@/lib/amr/models";
import type { AmrParams } from "@/lib/amr/types";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { queueFullError } from "./job-repository";

/** 429 once the user has `max` jobs queued or running; the insert re-checks atomically (insertJob). */
export async function assertQueueRoom(db: Db, userId: string, max: number): Promise<void> {
  const active = await db.amrJob.count({ where: { userId, status: { in: ["Submitted", "Processing"] } } });
  if (active >= max) throw queueFullError(active, max);
}

/** The keys a caller actually sent (absent form fields arrive as undefined). */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The model registry's defaults and ranges applied to what the caller sent; 400 naming the range otherwise. */
export function resolveJobParams(input: Partial<AmrParams>): AmrParams {
  const resolved = resolveParams(definedOnly(input));
  if (!resolved.ok) {
    throw new AppError("validation_failed", Object.values(resolved.errors)[0], { fields: resolved.errors });
  }
  return resolved.params;
}

/**
 * 404 unless the collection is the user's: checked before the genome is stored, so a bad id costs
 * nothing; the insert checks again in its transaction (a collection deleted meanwhile).
 */
export async function assertCollectionOwned(db: Db, userId: string, collectionId: string): Promise<void> {
  const owned = await db.collection.findFirst({ where: { id: collectionId, userId }, select: { id: true } });
  if (!owned) throw new AppError("not_found", "Collection not found.");
}
