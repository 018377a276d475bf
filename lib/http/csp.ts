/**
 * The pages' Content-Security-Policy. Built per request (proxy.ts) rather than at build time:
 * `connect-src` must name the object store's origin when browsers upload to it directly, and
 * that comes from the running server's configuration.
 */
export function contentSecurityPolicy(opts: { uploadOrigin?: string | null; development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // Next's runtime needs inline scripts/styles; everything else is same-origin only.
    "script-src 'self' 'unsafe-inline'" + (opts.development ? " 'unsafe-eval'" : ""),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'" + (opts.uploadOrigin ? ` ${opts.uploadOrigin}` : ""),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
