import type { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Parses a JSON body against a schema. Only `application/json` is read: a cross-site form can
 * send `text/plain` JSON without a CORS preflight, so any other content type is refused (415)
 * before the body is read.
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("unsupported_media_type", "Send the body as application/json.");
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
  return schema.parse(body);
}
