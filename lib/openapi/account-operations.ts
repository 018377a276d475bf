import { z } from "zod";
import { createTokenSchema, tokenIdParamSchema } from "@/lib/api-tokens/schemas";
import { changePasswordSchema, credentialsSchema, registerSchema, resetConfirmSchema, resetRequestSchema } from "@/lib/auth/schemas";
import { authErrors, errorResponse, forbidden, invalid, rateLimited, unauthorized } from "./error-responses";
import { tokenExample } from "./examples";
import { jsonBody, type Operation } from "./operation";
import { apiTokenSchema, createdTokenSchema } from "./response-schemas";

const PASSWORD = "violet kettle orbit mango";
const sessionOnly = errorResponse("Called with an API token: tokens cannot manage tokens.", "forbidden", "This needs a signed-in browser session; an API token cannot do it.");
const noContent = { 204: { description: "Done." } };

/** NextAuth's own endpoints (the catch-all /api/auth/[...nextauth]); only those a script might use. */
const nextAuthOperations: Operation[] = [
  {
    method: "get", path: "/api/auth/csrf", tag: "Account", access: "public",
    summary: "NextAuth: a CSRF token for the sign-in and sign-out forms",
    responses: { 200: { description: "The token (also set as a cookie).", content: jsonBody(z.object({ csrfToken: z.string() }), { csrfToken: "3f1c9a…" }) } },
  },
  {
    method: "post", path: "/api/auth/callback/credentials", tag: "Account", access: "public",
    summary: "NextAuth: sign in with username and password",
    description: "Sets the session cookie. Scripts should prefer an API token (Authorization: Bearer) over signing in. Rate-limited per account and per IP (429).",
    body: {
      contentType: "application/x-www-form-urlencoded",
      schema: credentialsSchema.extend({ csrfToken: z.string(), json: z.literal("true").optional() }),
      example: { username: "ada", password: PASSWORD, csrfToken: "3f1c9a…", json: "true" },
    },
    responses: { 200: { description: "Signed in (or not: NextAuth reports failure in the returned url's `error`)." }, 429: rateLimited },
  },
  {
    method: "get", path: "/api/auth/session", tag: "Account", access: "public",
    summary: "NextAuth: the current session, or {} when signed out",
    responses: { 200: { description: "The session.", content: jsonBody(z.object({ user: z.object({ name: z.string().optional() }).optional(), expires: z.string().optional() }), { user: { name: "ada" }, expires: "2026-03-01T21:00:00.000Z" }) } },
  },
  {
    method: "post", path: "/api/auth/signout", tag: "Account", access: "public",
    summary: "NextAuth: sign out (ends this session for good)",
    body: { contentType: "application/x-www-form-urlencoded", schema: z.object({ csrfToken: z.string() }), example: { csrfToken: "3f1c9a…" } },
    responses: { 200: { description: "Signed out; the cookie is cleared." } },
  },
];

export const accountOperations: Operation[] = [
  {
    method: "post", path: "/api/auth/register", tag: "Account", access: "public",
    summary: "Create an account",
    body: { contentType: "application/json", schema: registerSchema, example: { username: "ada", email: "ada@example.org", password: PASSWORD } },
    responses: {
      201: { description: "Created.", content: jsonBody(z.object({ id: z.uuid(), username: z.string() }), { id: "5d0f5a8e-2b7c-4c39-a6f1-0d2e3b4c5a69", username: "ada" }) },
      400: invalid,
      409: errorResponse("Username or email taken.", "conflict", "That username is taken."),
      429: rateLimited,
    },
  },
  ...nextAuthOperations,
  {
    method: "post", path: "/api/auth/password-reset", tag: "Account", access: "public",
    summary: "Mail a password reset link",
    description: "Answers the same whether or not the address has an account.",
    body: { contentType: "application/json", schema: resetRequestSchema, example: { email: "ada@example.org" } },
    responses: { 202: { description: "Accepted.", content: jsonBody(z.object({ message: z.string() }), { message: "If an account uses that address, a reset link is on its way. It works once, within 30 minutes." }) }, 400: invalid, 429: rateLimited },
  },
  {
    method: "post", path: "/api/auth/password-reset/confirm", tag: "Account", access: "public",
    summary: "Set a new password with a reset token",
    body: { contentType: "application/json", schema: resetConfirmSchema, example: { token: "AbCdEfGhIjKlMnOpQrStUv", password: PASSWORD } },
    responses: { ...noContent, 400: errorResponse("Invalid, expired or used token, or a weak password.", "validation_failed", "This reset link is invalid or has expired.") },
  },
  {
    method: "post", path: "/api/auth/change-password", tag: "Account", access: "session",
    summary: "Change the password; ends every other session",
    body: { contentType: "application/json", schema: changePasswordSchema, example: { currentPassword: PASSWORD, newPassword: "amber lantern quiet river" } },
    responses: { ...noContent, 400: invalid, ...authErrors, 403: sessionOnly },
  },
  {
    method: "post", path: "/api/auth/sign-out-everywhere", tag: "Account", access: "session",
    summary: "End every session of the account (API tokens are not affected)",
    responses: { ...noContent, ...authErrors, 403: sessionOnly },
  },
  {
    method: "get", path: "/api/tokens", tag: "API tokens", access: "session",
    summary: "The caller's API tokens (not revoked), newest first",
    responses: { 200: { description: "The tokens; never their secrets.", content: jsonBody(z.object({ items: z.array(apiTokenSchema) }), { items: [tokenExample] }) }, 401: unauthorized, 403: sessionOnly },
  },
  {
    method: "post", path: "/api/tokens", tag: "API tokens", access: "session",
    summary: "Create an API token (the secret is in this answer only)",
    body: { contentType: "application/json", schema: createTokenSchema, example: { name: "cluster pipeline", expiresInDays: 90 } },
    responses: {
      201: { description: "Created.", content: jsonBody(createdTokenSchema, { token: { ...tokenExample, lastUsedAt: null }, secret: `amr_${"Xb3k9Q".padEnd(43, "x")}` }) },
      400: invalid,
      401: unauthorized,
      403: sessionOnly,
      409: errorResponse("Too many active tokens.", "conflict", "You already have 50 active tokens; revoke one first."),
    },
  },
  {
    method: "delete", path: "/api/tokens/{id}", tag: "API tokens", access: "session",
    summary: "Revoke an API token; it is refused from the next request",
    params: { path: tokenIdParamSchema },
    responses: { ...noContent, 401: unauthorized, 403: forbidden, 404: errorResponse("No such token among the caller's.", "not_found", "No such token.") },
  },
];
