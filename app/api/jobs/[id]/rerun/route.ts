// POST /api/jobs/:id/rerun — queue a new job on the same genome, with other parameters.
import { jobDeps } from "@/lib/jobs/app-deps";
import { toJobDetail } from "@/lib/jobs/dto";
import { rerunJob, rerunSchema } from "@/lib/jobs/rerun-job";
import { jobIdParamSchema } from "@/lib/jobs/schemas";
import { wakeInProcessWorker } from "@/lib/jobs/worker/in-process";
import { json } from "@/lib/http/json";
import { readJson } from "@/lib/http/read-json";
import { withUser } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const { id } = jobIdParamSchema.parse(params);
  const body = await readJson(req, rerunSchema);
  const job = await rerunJob(jobDeps(), user.id, id, body);
  wakeInProcessWorker();
  return json(toJobDetail(job), 201, { Location: `/api/jobs/${job.id}` });
});
