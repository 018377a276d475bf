// Which failures mean "the database cannot answer right now" rather than a bug: the request is
// answered 503 with Retry-After and the client tries again (lib/errors.ts maps it, in one place).

// PostgreSQL SQLSTATEs: serialization failure, deadlock, lock timeout, too many connections,
// admin/crash shutdown, cannot connect now, and the whole connection-exception class (08…).
const PG_TRANSIENT = new Set(["40001", "40P01", "55P03", "53300", "57P01", "57P02", "57P03"]);
const NODE_NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
// Prisma: P1001 unreachable, P1002 timeout, P1008 operation timeout, P1017 server closed the
// connection, P2024 pool timeout, P2034 write conflict or deadlock.
const PRISMA_TRANSIENT = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TransactionWriteConflict", "TooManyConnections"]);

type Shape = { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string; originalCode?: string } } }; cause?: unknown };

function sqlState(code: unknown): boolean {
  return typeof code === "string" && (PG_TRANSIENT.has(code) || code.startsWith("08"));
}

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 3) return false;
  const e = err as Shape;
  const message = typeof e.message === "string" ? e.message : "";
  if (e.code === "SQLITE_BUSY" || /SQLITE_BUSY|database is locked/i.test(message)) return true;
  if (typeof e.code === "string" && (PRISMA_TRANSIENT.has(e.code) || NODE_NETWORK.has(e.code) || sqlState(e.code))) return true;
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause && (ADAPTER_KINDS.has(cause.kind ?? "") || sqlState(cause.code) || sqlState(cause.originalCode))) return true;
  if (/Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
