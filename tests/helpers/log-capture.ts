import { setLogDestination } from "@/lib/log/logger";

export interface LogRecord {
  level: string;
  msg: string;
  event?: string;
  requestId?: string;
  [key: string]: unknown;
}

export interface CapturedLogs {
  /** Every line written so far, parsed (each must be one JSON object). */
  records(): LogRecord[];
  /** The raw stream, for "this never appears anywhere" checks. */
  text(): string;
  restore(): void;
}

/** Sends the server logger's lines into memory (at `level`) until restore(). */
export function captureLogs(level: "trace" | "info" | "warn" = "trace"): CapturedLogs {
  const lines: string[] = [];
  setLogDestination({ write: (line: string) => void lines.push(line) }, level);
  return {
    records: () => lines.join("").split("\n").filter(Boolean).map((l) => JSON.parse(l) as LogRecord),
    text: () => lines.join(""),
    restore: () => setLogDestination(undefined),
  };
}
