// GET /api/shares/:token/results?format=json|genes.tsv|phenotypes.tsv — the shared job's results
// (404 for a collection's link: a link opens only its own target).
import { Readable } from "node:stream";
import { appDb } from "@/lib/db";
import { attachmentHeader } from "@/lib/http/content-disposition";
import { getJob } from "@/lib/jobs/queries";
import { resultDownload } from "@/lib/jobs/read-result";
import { resultFormatQuerySchema } from "@/lib/jobs/schemas";
import { shareNotFound } from "@/lib/shares/resolve";
import { withShare } from "@/lib/shares/with-share";
import { getStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

export const GET = withShare(async ({ req, target }) => {
  if (target.kind !== "job") throw shareNotFound();
  const { format } = resultFormatQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const job = await getJob(appDb(), target.jobId);
  if (!job) throw shareNotFound();
  const file = await resultDownload(getStorage(), job, format);
  return new Response(Readable.toWeb(file.body) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentHeader(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-cache",
      ETag: file.etag,
    },
  });
});
