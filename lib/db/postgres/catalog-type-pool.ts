import pg from "pg";

/**
 * PostgreSQL's internal catalog types that @prisma/adapter-pg 6.19 cannot deserialize. Prisma's
 * migration engine reads catalog columns of these types ("Column type 'name' could not be
 * deserialized", prisma/prisma#27403), so `migrate deploy|status|dev` fail through the adapter.
 * Reporting them as text (arrays as text[]) is all the engine needs. Only the migration tooling
 * uses this pool; the application's client never reads catalog columns.
 */
const AS_TEXT = new Set([18, 19, 22, 24, 30, 194, 2205]);
const AS_TEXT_ARRAY = new Set([1002, 1003]);
const TEXT = 25;
const TEXT_ARRAY = 1009;

type Field = { dataTypeID: number };

function retype(result: unknown): void {
  const fields = (result as { fields?: Field[] } | undefined)?.fields;
  if (!fields) return;
  for (const f of fields) {
    if (AS_TEXT.has(f.dataTypeID)) f.dataTypeID = TEXT;
    else if (AS_TEXT_ARRAY.has(f.dataTypeID)) f.dataTypeID = TEXT_ARRAY;
  }
}

export class CatalogTypePool extends pg.Pool {
  // pg's query() is heavily overloaded; only the promise form is used by the adapter.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    if (out && typeof out.then === "function") {
      return out.then((r: unknown) => {
        if (Array.isArray(r)) r.forEach(retype);
        else retype(r);
        return r;
      });
    }
    return out;
  }
}
