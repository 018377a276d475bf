import type { Db } from "@/lib/db";
import { sqlTime } from "@/lib/jobs/sql-time";

export const MAINTENANCE_LOCK = "maintenance";

/**
 * Takes the named lease in one statement: insert, or overwrite only a holder whose lease has
 * expired (a crashed run). Two runs racing both execute it; SQLite serialises them, one gets the
 * row back and the other gets nothing.
 */
export async function acquireLock(db: Db, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<{ holder: string }[]>(
    `INSERT INTO maintenance_locks (name, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
      WHERE maintenance_locks.expires_at <= excluded.acquired_at
     RETURNING holder`,
    name,
    holder,
    sqlTime(now),
    sqlTime(new Date(now.getTime() + ttlMs)),
  );
  return rows.length === 1 && rows[0].holder === holder;
}

/** Extends the lease; false means another run took it over (ours expired) and we must stop. */
export async function renewLock(db: Db, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const { count } = await db.maintenanceLock.updateMany({
    where: { name, holder },
    data: { expiresAt: new Date(now.getTime() + ttlMs) },
  });
  return count === 1;
}

export async function releaseLock(db: Db, name: string, holder: string): Promise<void> {
  await db.maintenanceLock.deleteMany({ where: { name, holder } });
}
