import { errorExample } from "./examples";
import { jsonBody, type ResponseSpec } from "./operation";
import { errorSchema } from "./response-schemas";

/** An error answer in the one shape every route uses ({error: {code, message}}). */
export function errorResponse(description: string, code: string, message: string, headers?: Record<string, string>): ResponseSpec {
  return { description, content: jsonBody(errorSchema, errorExample(code, message)), headers };
}

export const unauthorized = errorResponse("No valid session cookie or API token.", "unauthorized", "Sign in to continue.", {
  "WWW-Authenticate": "Bearer",
});
export const forbidden = errorResponse("Cross-site request, or not allowed for this caller.", "forbidden", "You do not have access to this.");
export const notFound = errorResponse("No such job among the caller's (another user's job looks the same).", "not_found", "Not found.");
export const unsupportedMediaType = errorResponse(
  "The body is not of the documented content type (a cross-site form's text/plain is refused this way).",
  "unsupported_media_type",
  "Send the body as application/json.",
);
export const invalid = errorResponse("A field is invalid; `fields` names each.", "validation_failed", "Some fields are invalid.");
export const rateLimited = errorResponse("Too many requests; wait `Retry-After` seconds.", "rate_limited", "Too many requests. Try again later.", {
  "Retry-After": "Seconds to wait before retrying.",
});

/** What every authenticated route can answer besides its own outcomes. */
export const authErrors = { 401: unauthorized, 403: forbidden, 429: rateLimited };
