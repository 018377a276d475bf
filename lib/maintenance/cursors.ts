import type { Db } from "@/lib/db";

/** Where an incremental scan stopped last run ("" = from the start). */
export async function readCursor(db: Db, name: string): Promise<string> {
  return (await db.maintenanceCursor.findUnique({ where: { name } }))?.position ?? "";
}

export async function writeCursor(db: Db, name: string, position: string, now: Date): Promise<void> {
  await db.maintenanceCursor.upsert({ where: { name }, create: { name, position, updatedAt: now }, update: { position, updatedAt: now } });
}
