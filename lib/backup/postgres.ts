import { spawnSync } from "node:child_process";

// PostgreSQL is backed up with its own tool: pg_dump takes a consistent snapshot of a live
// database (one repeatable-read transaction) in its custom format, which pg_restore reads.

/** pg_dump's arguments and environment: the password travels in PGPASSWORD, not in the process list. */
export function pgDumpInvocation(databaseUrl: string, outFile: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return {
    args: ["--format=custom", "--no-owner", `--file=${outFile}`, `--dbname=${url.toString()}`],
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

/** What an operator runs to restore a dump (never run for them: it replaces a shared database). */
export function pgRestoreCommand(dumpFile: string): string {
  return `pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ${dumpFile}`;
}

/** Runs pg_dump; false when it is not installed (the caller prints the command instead). */
export function runPgDump(databaseUrl: string, outFile: string): boolean {
  const { args, env } = pgDumpInvocation(databaseUrl, outFile);
  const r = spawnSync("pg_dump", args, { env, stdio: ["ignore", "inherit", "inherit"] });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") return false;
  if (r.status !== 0) throw new Error(`pg_dump failed (exit ${r.status ?? r.signal})`);
  return true;
}
