import { sqlOf, type Db } from "@/lib/db";

export const MAINTENANCE_LOCK = "maintenance";

/**
 * Takes the named lease in one statement: insert, or overwrite only a holder whose lease has
 * expired (a crashed run). Racing runs both execute it; exactly one gets the row back. Without
 * `now` the lease is timed by the database's clock.
 */
export function acquireLock(db: Db, name: string, holder: string, now: Date | undefined, ttlMs: number): Promise<boolean> {
  return sqlOf(db).acquireLock(name, holder, ttlMs, now);
}

/** Extends the lease; false means another run took it over (ours expired) and we must stop. */
export function renewLock(db: Db, name: string, holder: string, now: Date | undefined, ttlMs: number): Promise<boolean> {
  return sqlOf(db).renewLock(name, holder, ttlMs, now);
}

export async function releaseLock(db: Db, name: string, holder: string): Promise<void> {
  await db.maintenanceLock.deleteMany({ where: { name, holder } });
}
