// POST /api/jobs — upload a genome and queue a job; GET /api/jobs — the caller's jobs, newest first.
import { jobDeps } from "@/lib/jobs/app-deps";
import { createJob } from "@/lib/jobs/create-job";
import { toJobDetail, toJobSummary } from "@/lib/jobs/dto";
import { listJobsByUser } from "@/lib/jobs/list-jobs";
import { listJobsQuerySchema } from "@/lib/jobs/schemas";
import { wakeInProcessWorker } from "@/lib/jobs/worker/in-process";
import { conditionalJson, weakEtag } from "@/lib/http/etag";
import { json } from "@/lib/http/json";
import { withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const POST = withUser(async ({ req, user }) => {
  const job = await createJob(jobDeps(), user.id, req);
  wakeInProcessWorker();
  return json(toJobDetail(job), 201, { Location: `/api/jobs/${job.id}` });
});

export const GET = withUser(async ({ req, user }) => {
  const query = listJobsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const page = await listJobsByUser(jobDeps().db, user.id, query);
  const etag = weakEtag(req.url, page.nextCursor, ...page.items.map((j) => `${j.id}:${j.version}`));
  return conditionalJson(req, { items: page.items.map(toJobSummary), nextCursor: page.nextCursor }, etag);
});
