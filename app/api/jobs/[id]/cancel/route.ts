// POST /api/jobs/:id/cancel — stop a queued or running job; 409 once it has finished.
import { cancelJob } from "@/lib/jobs/cancel-job";
import { jobDeps } from "@/lib/jobs/app-deps";
import { toJobDetail } from "@/lib/jobs/dto";
import { jobIdParamSchema } from "@/lib/jobs/schemas";
import { json } from "@/lib/http/json";
import { withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const POST = withUser<{ id: string }>(async ({ user, params }) => {
  const { id } = jobIdParamSchema.parse(params);
  return json(toJobDetail(await cancelJob(jobDeps().db, user.id, id)));
});
