// POST /api/jobs — queue a job: a multipart upload of the genome (every store), or JSON
// {uploadId, …} confirming a direct upload to the bucket (POST /api/uploads). GET /api/jobs — the
// caller's jobs, newest first.
import { jobDeps } from "@/lib/jobs/app-deps";
import { createJob, createJobFromUpload } from "@/lib/jobs/create-job";
import { confirmUploadSchema } from "@/lib/jobs/direct-upload-schemas";
import { readJson } from "@/lib/http/read-json";
import { toJobDetail, toJobSummary } from "@/lib/jobs/dto";
import { listJobsByUser } from "@/lib/jobs/list-jobs";
import { listJobsQuerySchema } from "@/lib/jobs/schemas";
import { wakeInProcessWorker } from "@/lib/jobs/worker/in-process";
import { conditionalJson, weakEtag } from "@/lib/http/etag";
import { json } from "@/lib/http/json";
import { withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const POST = withUser(async ({ req, user }) => {
  const isJson = /^application\/json/i.test(req.headers.get("content-type") ?? "");
  const job = isJson
    ? await createJobFromUpload(jobDeps(), user.id, await readJson(req, confirmUploadSchema))
    : await createJob(jobDeps(), user.id, req);
  wakeInProcessWorker();
  return json(toJobDetail(job), 201, { Location: `/api/jobs/${job.id}` });
});

export const GET = withUser(async ({ req, user }) => {
  const query = listJobsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const page = await listJobsByUser(jobDeps().db, user.id, query);
  const etag = weakEtag(req.url, page.nextCursor, ...page.items.map((j) => `${j.id}:${j.version}`));
  return conditionalJson(req, { items: page.items.map(toJobSummary), nextCursor: page.nextCursor }, etag);
});
