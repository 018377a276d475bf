import { createHash } from "node:crypto";

/** A weak validator from whatever identifies a representation (ids and versions, not bodies). */
export function weakEtag(...parts: (string | number | null | undefined)[]): string {
  return `W/"${createHash("sha1").update(parts.join("|")).digest("base64url").slice(0, 22)}"`;
}

/** True when the client already holds this representation (If-None-Match, RFC 9110 §13.1.2). */
export function clientHas(req: Request, etag: string): boolean {
  const header = req.headers.get("if-none-match");
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || strip(t) === strip(etag));
}

/**
 * JSON that the browser may keep but must revalidate: with the ETag, a poll whose answer has not
 * changed costs a 304 and no body (SWR's fetch revalidates transparently through the HTTP cache).
 */
export function conditionalJson(req: Request, body: unknown, etag: string): Response {
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie" };
  if (clientHas(req, etag)) return new Response(null, { status: 304, headers });
  return Response.json(body, { headers });
}
