import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/unavailable-error";
import { errorFields, log } from "@/lib/log/logger";

/** Every failure a user can be told about. Only `STATUS` below knows HTTP. */
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "direct_upload_unavailable"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "invalid_genome"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  direct_upload_unavailable: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_genome: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const DEFAULT_MESSAGE: Record<ErrorCode, string> = {
  bad_request: "The request is malformed.",
  validation_failed: "Some fields are invalid.",
  unauthorized: "Sign in to continue.",
  forbidden: "You do not have access to this.",
  not_found: "Not found.",
  direct_upload_unavailable: "This server takes uploads only through POST /api/jobs (multipart).",
  conflict: "The request conflicts with the current state.",
  payload_too_large: "The upload is too large.",
  unsupported_media_type: "The request body has a content type this endpoint does not take.",
  invalid_genome: "The file is not a valid FASTA genome.",
  rate_limited: "Too many requests. Try again later.",
  unavailable: "The service is busy. Try again shortly.",
  internal: "Something went wrong on our side.",
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  /** Field path → problem; always sent as `error.fields`, like zod's, so clients read one place. */
  readonly fields?: Record<string, string>;
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message?: string,
    opts: {
      details?: Record<string, unknown>;
      fields?: Record<string, string>;
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(message ?? DEFAULT_MESSAGE[code], { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.details = opts.details;
    this.fields = opts.fields;
    this.headers = opts.headers;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string>; details?: Record<string, unknown> };
}

/** Field path → first message, for forms and API clients alike. */
export function zodFieldErrors(err: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

function isPrismaNotFound(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === "P2025";
}

/** The single place that turns an error into a status and a body safe to send. */
export function toErrorPayload(err: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (err instanceof AppError) {
    return {
      status: err.status,
      headers: err.headers,
      body: {
        error: {
          code: err.code,
          message: err.message,
          ...(err.fields ? { fields: err.fields } : {}),
          ...(err.details ? { details: err.details } : {}),
        },
      },
    };
  }
  if (err instanceof ZodError) {
    const fields = zodFieldErrors(err);
    return {
      status: STATUS.validation_failed,
      body: { error: { code: "validation_failed", message: Object.values(fields)[0] ?? DEFAULT_MESSAGE.validation_failed, fields } },
    };
  }
  if (isPrismaNotFound(err)) {
    return { status: 404, body: { error: { code: "not_found", message: DEFAULT_MESSAGE.not_found } } };
  }
  if (isDatabaseUnavailable(err)) {
    return {
      status: 503,
      headers: { "Retry-After": "2" },
      body: { error: { code: "unavailable", message: DEFAULT_MESSAGE.unavailable } },
    };
  }
  return { status: 500, body: { error: { code: "internal", message: DEFAULT_MESSAGE.internal } } };
}

/** JSON error response; unexpected errors are logged here and never echoed to the client. */
export function toErrorResponse(err: unknown): Response {
  const { status, body, headers } = toErrorPayload(err);
  if (status >= 500 && !(err instanceof AppError)) {
    log().error(errorFields(err), "unhandled error");
  }
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
