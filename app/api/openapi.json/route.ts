// GET /api/openapi.json — the OpenAPI 3.1 document, generated from the routes' zod schemas (public, like the docs page).
import { json } from "@/lib/http/json";
import { withErrors } from "@/lib/http/with-user";
import { openApiDocument } from "@/lib/openapi/document";

export const GET = withErrors(async () => json(openApiDocument(), 200, { "Cache-Control": "public, max-age=300" }));
