/**
 * The dialect SQL is written with named parameters (`:now`, `:leaseMs`) so each statement reads
 * as one piece; this turns them into SQLite's `?` (a value per occurrence) or PostgreSQL's `$n`
 * (one per name). `::type` casts are left alone.
 */
const NAMED = /(?<![:\w]):([a-zA-Z_]\w*)/g;

export function toNumbered(sql: string, values: Record<string, unknown>): { text: string; args: unknown[] } {
  const index = new Map<string, number>();
  const args: unknown[] = [];
  const text = sql.replace(NAMED, (_m, name: string) => {
    if (!(name in values)) throw new Error(`SQL parameter :${name} has no value`);
    let i = index.get(name);
    if (i === undefined) {
      args.push(values[name]);
      i = args.length;
      index.set(name, i);
    }
    return `$${i}`;
  });
  return { text, args };
}

/** The statement with `?` for each named parameter (bind values with parameterNames' order). */
export function positionalText(sql: string): string {
  return sql.replace(NAMED, "?");
}

/** The parameter names of a statement in order of occurrence (SQLite binds one value per `?`). */
export function parameterNames(sql: string): string[] {
  return [...sql.matchAll(NAMED)].map((m) => m[1]);
}
