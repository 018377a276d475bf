// POST /api/uploads — step one of a direct upload (object storage only): a pre-signed POST for one
// genome. Step two is POST /api/jobs with JSON {uploadId, …}. 404 where files are on local disk.
import { jobDeps } from "@/lib/jobs/app-deps";
import { startDirectUpload } from "@/lib/jobs/direct-upload";
import { uploadRequestSchema } from "@/lib/jobs/direct-upload-schemas";
import { json } from "@/lib/http/json";
import { readJson } from "@/lib/http/read-json";
import { withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const POST = withUser(async ({ req, user }) => {
  const body = await readJson(req, uploadRequestSchema);
  return json(await startDirectUpload(jobDeps(), user.id, body), 201, { "Cache-Control": "no-store" });
});
