// GET /api/jobs/:id — one of the caller's jobs with params and progress; DELETE — remove it and its files.
import { jobDeps } from "@/lib/jobs/app-deps";
import { deleteJob } from "@/lib/jobs/delete-job";
import { toJobDetail } from "@/lib/jobs/dto";
import { getJobForUserOrThrow } from "@/lib/jobs/queries";
import { jobIdParamSchema } from "@/lib/jobs/schemas";
import { conditionalJson, weakEtag } from "@/lib/http/etag";
import { withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const GET = withUser<{ id: string }>(async ({ req, user, params }) => {
  const { id } = jobIdParamSchema.parse(params);
  const job = await getJobForUserOrThrow(jobDeps().db, user.id, id);
  return conditionalJson(req, toJobDetail(job), weakEtag(job.id, job.version));
});

export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  const { id } = jobIdParamSchema.parse(params);
  const { db, storage } = jobDeps();
  await deleteJob(db, storage, user.id, id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
