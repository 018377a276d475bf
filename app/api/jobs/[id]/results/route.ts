// GET /api/jobs/:id/results?format=json|genes.tsv|phenotypes.tsv — download a finished job's results.
import { Readable } from "node:stream";
import { z } from "zod";
import { jobDeps } from "@/lib/jobs/app-deps";
import { readResult } from "@/lib/jobs/read-result";
import { RESULT_FORMATS, type ResultFormat } from "@/lib/jobs/result-files";
import { jobIdParamSchema } from "@/lib/jobs/schemas";
import { attachmentHeader } from "@/lib/http/content-disposition";
import { withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

const formatSchema = z.object({
  format: z
    .enum(Object.keys(RESULT_FORMATS) as [ResultFormat, ...ResultFormat[]], {
      error: `format must be one of: ${Object.keys(RESULT_FORMATS).join(", ")}`,
    })
    .default("json"),
});

export const GET = withUser<{ id: string }>(async ({ req, user, params }) => {
  const { id } = jobIdParamSchema.parse(params);
  const { format } = formatSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { db, storage } = jobDeps();
  const file = await readResult(db, storage, user.id, id, format);
  const headers = {
    "Content-Type": file.contentType,
    "Content-Disposition": attachmentHeader(file.fileName),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-cache",
    ETag: file.etag,
  };
  if (req.headers.get("if-none-match") === file.etag) {
    file.body.destroy();
    return new Response(null, { status: 304, headers });
  }
  return new Response(Readable.toWeb(file.body) as ReadableStream<Uint8Array>, { status: 200, headers });
});
