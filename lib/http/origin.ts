import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { securityEvent } from "@/lib/log/security-events";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function expectedOrigins(req: Request): Set<string> {
  const origins = new Set<string>([new URL(req.url).origin]);
  const configured = getEnv().NEXTAUTH_URL;
  if (configured) origins.add(new URL(configured).origin);
  // A browser always sends the real Host; a forged one only fools requests that are not cross-site.
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  if (host) origins.add(`${proto}://${host}`);
  return origins;
}

/**
 * CSRF defence for every mutating handler (NextAuth's token covers only /api/auth/*). Refuses a
 * foreign or `null` Origin and `Sec-Fetch-Site: cross-site|same-site`. A request with neither
 * header (curl, scripts with a cookie) passes: browsers send Origin on every cross-site POST.
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  const crossSite = (site && site !== "same-origin" && site !== "none") || (origin !== null && !expectedOrigins(req).has(origin));
  if (!crossSite) return;
  securityEvent("csrf.cross_site_refused", {
    method: req.method,
    path: new URL(req.url).pathname,
    origin: origin?.slice(0, 200) ?? null,
    secFetchSite: site?.slice(0, 32) ?? null,
  });
  throw new AppError("forbidden", "Cross-site requests are not allowed.");
}

// What a cross-site <form> can send without a CORS preflight, besides multipart (an upload's,
// which the Origin check above covers). No handler of ours takes either, body or not.
const FORM_ENCODED = /^\s*(text\/plain|application\/x-www-form-urlencoded)\b/i;

/**
 * 415 for a mutation whose body is form-encoded or text/plain, before anything is read: with a
 * browser old enough to send neither Origin nor Sec-Fetch-Site, this is what stops a forged form.
 */
export function assertNotFormEncoded(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  if (FORM_ENCODED.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("unsupported_media_type", "Send the body as application/json (or multipart/form-data for an upload).");
  }
}
