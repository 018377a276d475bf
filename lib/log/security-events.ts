import { createHmac } from "node:crypto";
import { getEnv } from "@/lib/env";
import { log } from "./logger";

/**
 * Security events: one log record each, at warn, with a stable `event` field an operator can
 * alert on (docs/operations.md, "Logs"). Names are part of the operator contract: add, never rename.
 */
export type SecurityEvent =
  | "auth.login_rate_limited" // a sign-in refused with 429 (account or IP over its window)
  | "auth.login_locked" // an account reached its failure limit (once per window)
  | "auth.token_rejected" // a bearer API token that is malformed, unknown, revoked, expired or whose owner is disabled
  | "auth.reset_unknown_account" // a password reset for an address with no (enabled) account; the answer does not say so
  | "auth.reset_rate_limited"
  | "auth.register_rate_limited"
  | "access.cross_user_refused" // a lookup of another user's job or token, answered 404
  | "csrf.cross_site_refused" // a mutating request from another site, answered 403
  | "cron.bad_secret" // GET /api/cron/maintenance without the right CRON_SECRET
  | "metrics.bad_token"; // GET /api/metrics without the right METRICS_TOKEN

export function securityEvent(event: SecurityEvent, fields: Record<string, unknown> = {}, message: string = event): void {
  log().warn({ event, ...fields }, message);
}

/**
 * A stable, non-reversible stand-in for an identifier that must not be logged as is (an email
 * address, a user name as typed): the same value always gives the same fingerprint, so repeated
 * attempts can be correlated without the log holding the value. Keyed with the server's secret,
 * so a reader of the logs cannot confirm a guessed address by hashing it.
 */
export function fingerprint(value: string): string {
  const key = getEnv().NEXTAUTH_SECRET ?? "amr-predictor-log";
  return createHmac("sha256", key).update(value.trim().toLowerCase()).digest("hex").slice(0, 16);
}
