import pino, { type DestinationStream, type Level, type Logger } from "pino";
import { getEnv } from "@/lib/env";
import { currentRequestId } from "./request-context";

/**
 * The server's one logger: JSON lines on stdout (pino), each with the id of the request it was
 * written under (lib/log/request-context.ts). Secrets never reach it by design (callers pass
 * fingerprints, not values); the redact list is the net under that for fields that slip through.
 */
export const REDACTED_PATHS = [
  "password",
  "*.password",
  "newPassword",
  "currentPassword",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "cookie",
  "*.cookie",
  "email",
  "*.email",
];

// On globalThis: Next bundles lib/log into several server chunks; they must share one logger.
const KEY = Symbol.for("amr-predictor.logger");
type Holder = { logger?: Logger; destination?: DestinationStream; level?: Level | "silent" };
const holder = ((globalThis as Record<symbol, Holder>)[KEY] ??= {});

function build(): Logger {
  return pino(
    {
      level: holder.level ?? getEnv().LOG_LEVEL,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    holder.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** The logger (created on first use, after configuration is readable). */
export function log(): Logger {
  holder.logger ??= build();
  return holder.logger;
}

/**
 * Sends log lines somewhere else (tests capture them in memory), optionally at another level;
 * no arguments restores stdout at LOG_LEVEL.
 */
export function setLogDestination(destination?: DestinationStream, level?: Level | "silent"): void {
  holder.destination = destination;
  holder.level = level;
  holder.logger = undefined;
}

/** An error as a log field: its message and stack, never a response body. */
export function errorFields(err: unknown): { err: { message: string; stack?: string; code?: string } } {
  if (err instanceof Error) return { err: { message: err.message, stack: err.stack, code: (err as NodeJS.ErrnoException).code } };
  return { err: { message: String(err) } };
}
