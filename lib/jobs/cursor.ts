/** Opaque keyset cursor: the (createdAt, id) of the last row of a page. */
export interface JobCursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(c: JobCursor): string {
  return Buffer.from(`${c.createdAt.getTime()}:${c.id}`, "utf8").toString("base64url");
}

/** Returns null for anything that is not a cursor this server issued. */
export function decodeCursor(raw: string): JobCursor | null {
  if (raw.length > 200) return null;
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const m = /^(\d{1,15}):([A-Za-z0-9-]{1,64})$/.exec(text);
  if (!m) return null;
  const createdAt = new Date(Number(m[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: m[2] };
}
