import { z } from "zod";
import { rerunSchema } from "@/lib/jobs/rerun-job";
import { RESULT_FORMATS, type ResultFormat } from "@/lib/jobs/result-files";
import { jobIdParamSchema, listJobsQuerySchema } from "@/lib/jobs/schemas";
import { uploadFieldsSchema } from "@/lib/jobs/upload-fields";
import { authErrors, errorResponse, invalid, notFound } from "./error-responses";
import { amrResultExample, genesTsvExample, jobDetailExample, jobSummaryExample, phenotypesTsvExample, queuedJobExample } from "./examples";
import { jsonBody, type Operation } from "./operation";
import { amrResultSchema, jobDetailSchema, jobPageSchema } from "./response-schemas";

// The route keeps its own copy next to the handler (route files may export only handlers);
// both take their values from RESULT_FORMATS.
const resultsQuerySchema = z.object({
  format: z.enum(Object.keys(RESULT_FORMATS) as [ResultFormat, ...ResultFormat[]]).default("json"),
});

const uploadBodySchema = uploadFieldsSchema.extend({
  file: z.string().meta({ format: "binary", description: "The genome: FASTA, plain or gzip-compressed (detected from its bytes)." }),
});

const tsv = (example: string) => ({ contentType: "text/tab-separated-values; charset=utf-8", schema: z.string(), example });
const conflict = (message: string) => errorResponse("The job is not in a state that allows this.", "conflict", message);
const tooMany = errorResponse(
  "Too many requests with this token, or too many unfinished jobs (MAX_ACTIVE_JOBS_PER_USER).",
  "rate_limited",
  "You already have 20 jobs queued or running.",
  { "Retry-After": "Seconds to wait before retrying." },
);

export const jobOperations: Operation[] = [
  {
    method: "post", path: "/api/jobs", tag: "Jobs", access: "user",
    summary: "Upload a genome and queue a job",
    description:
      "Streams the upload; the FASTA is validated before the job is queued. Parameters left out take the model's defaults " +
      "(GET /api/models). snake_case field names (job_name, min_identity, …) are accepted too.",
    body: { contentType: "multipart/form-data", schema: uploadBodySchema, example: { file: "(binary)", jobName: "isolate 7", minCoverage: "60" } },
    responses: {
      201: { description: "Queued. `Location` is the job's URL.", content: jsonBody(jobDetailSchema, queuedJobExample), headers: { Location: "/api/jobs/{id}" } },
      400: invalid,
      413: errorResponse("Larger than UPLOAD_MAX_BYTES.", "payload_too_large", "The file is larger than the 100 MB upload limit."),
      422: errorResponse("Not a FASTA genome; the message names the line.", "invalid_genome", "Line 3: unexpected character '<' in a sequence."),
      ...authErrors,
      429: tooMany,
    },
  },
  {
    method: "get", path: "/api/jobs", tag: "Jobs", access: "user",
    summary: "The caller's jobs, newest first",
    params: { query: listJobsQuerySchema },
    responses: {
      200: { description: "One page; ETag / If-None-Match (304) supported.", content: jsonBody(jobPageSchema, { items: [jobSummaryExample], nextCursor: null }) },
      400: invalid,
      ...authErrors,
    },
  },
  {
    method: "get", path: "/api/jobs/{id}", tag: "Jobs", access: "user",
    summary: "One job: status, progress, parameters, input metadata",
    description: "Poll this (every few seconds) until `status` is Completed, Error, Cancelled or Archived. ETag / If-None-Match (304) supported.",
    params: { path: jobIdParamSchema },
    responses: { 200: { description: "The job.", content: jsonBody(jobDetailSchema, jobDetailExample) }, 404: notFound, ...authErrors },
  },
  {
    method: "delete", path: "/api/jobs/{id}", tag: "Jobs", access: "user",
    summary: "Delete a job, its genome and its results",
    params: { path: jobIdParamSchema },
    responses: { 204: { description: "Deleted." }, 404: notFound, ...authErrors },
  },
  {
    method: "post", path: "/api/jobs/{id}/cancel", tag: "Jobs", access: "user",
    summary: "Cancel a queued or running job",
    params: { path: jobIdParamSchema },
    responses: {
      200: { description: "Cancelled (queued), or flagged and stopping within about a second (running).", content: jsonBody(jobDetailSchema, { ...jobDetailExample, status: "Cancelled" }) },
      404: notFound,
      409: conflict("The job is already completed and cannot be cancelled."),
      ...authErrors,
    },
  },
  {
    method: "post", path: "/api/jobs/{id}/rerun", tag: "Jobs", access: "user",
    summary: "Queue a new job on the same genome with other parameters",
    params: { path: jobIdParamSchema },
    body: { contentType: "application/json", schema: rerunSchema, example: { minIdentity: 90, jobName: "isolate 7, strict" } },
    responses: {
      201: { description: "The new job.", content: jsonBody(jobDetailSchema, { ...queuedJobExample, name: "isolate 7, strict" }) },
      400: invalid,
      404: notFound,
      409: conflict("The genome of this job is no longer stored (it was archived or deleted); upload it again."),
      ...authErrors,
      429: tooMany,
    },
  },
  {
    method: "get", path: "/api/jobs/{id}/results", tag: "Jobs", access: "user",
    summary: "Download a finished job's results",
    description:
      "An attachment: the full JSON, the gene hits (genes.tsv) or one row per antibiotic (phenotypes.tsv). Every TSV row starts " +
      "with the job name, so tables from many jobs concatenate. Archived jobs stay downloadable. ETag / If-None-Match (304) supported.",
    params: { path: jobIdParamSchema, query: resultsQuerySchema },
    responses: {
      200: {
        description: `The file in the requested format (format=genes.tsv shown for TSV; format=phenotypes.tsv has the columns ${phenotypesTsvExample.split("\n")[0].replaceAll("\t", ", ")}).`,
        content: [
          { contentType: "application/json", schema: amrResultSchema, example: amrResultExample },
          tsv(genesTsvExample),
        ],
        headers: { "Content-Disposition": "attachment; filename=\"<job name>.<format>\"", ETag: "Entity tag of the file" },
      },
      400: invalid,
      404: notFound,
      409: conflict("Results are available once the job has completed; it is processing."),
      ...authErrors,
    },
  },
];
