import { z } from "zod";
import { rerunSchema } from "@/lib/jobs/rerun-job";
import { RESULT_FORMATS, type ResultFormat } from "@/lib/jobs/result-files";
import { jobIdParamSchema, listJobsQuerySchema } from "@/lib/jobs/schemas";
import { confirmUploadSchema, uploadRequestSchema } from "@/lib/jobs/direct-upload-schemas";
import { uploadFieldsSchema } from "@/lib/jobs/upload-fields";
import { authErrors, errorResponse, invalid, notFound } from "./error-responses";
import { amrResultExample, genesTsvExample, jobDetailExample, jobSummaryExample, phenotypesTsvExample, queuedJobExample } from "./examples";
import { jsonBody, type Operation } from "./operation";
import { amrResultSchema, directUploadSchema, jobDetailSchema, jobPageSchema } from "./response-schemas";

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
      "Multipart: streams the upload; the FASTA is validated before the job is queued. Parameters left out take the model's defaults " +
      "(GET /api/models). snake_case field names (job_name, min_identity, …) are accepted too. " +
      "collection_id (or collectionId in JSON): the new job joins that collection of yours in the same transaction; 404 and no job otherwise. " +
      "JSON {uploadId, …}: confirms a direct upload made with POST /api/uploads (object storage only); the object gets the same checks, " +
      "then becomes the job's genome, or is deleted and the same 4xx is returned.",
    body: { contentType: "multipart/form-data", schema: uploadBodySchema, example: { file: "(binary)", jobName: "isolate 7", minCoverage: "60" } },
    altBody: {
      contentType: "application/json",
      schema: confirmUploadSchema,
      example: { uploadId: "0b8f3c52-5f7e-4c1e-9a3f-2d7f1e6b9a10", fileName: "isolate7.fa.gz", jobName: "isolate 7", minCoverage: 60 },
    },
    responses: {
      201: { description: "Queued. `Location` is the job's URL.", content: jsonBody(jobDetailSchema, queuedJobExample), headers: { Location: "/api/jobs/{id}" } },
      400: invalid,
      404: errorResponse("JSON confirm only: no such upload (never sent, or expired).", "not_found", "No such upload: send the file to the upload URL first."),
      413: errorResponse("Larger than UPLOAD_MAX_BYTES.", "payload_too_large", "The file is larger than the 100 MB upload limit."),
      422: errorResponse("Not a FASTA genome; the message names the line.", "invalid_genome", "Line 3: unexpected character '<' in a sequence."),
      ...authErrors,
      429: tooMany,
    },
  },
  {
    method: "post", path: "/api/uploads", tag: "Jobs", access: "user",
    summary: "Start a direct upload to the object store",
    description:
      "Where files live in an S3-compatible store, returns a pre-signed POST for one genome: send a multipart/form-data POST to `url` " +
      "with every entry of `fields`, then the file as `file` (last). Then confirm with POST /api/jobs (JSON, `uploadId`). The app server " +
      "never receives the genome, so there is no request-size limit in between. 404 where files are on the server's disk: use " +
      "multipart POST /api/jobs instead. Unconfirmed uploads are deleted by maintenance after the orphan grace period.",
    body: { contentType: "application/json", schema: uploadRequestSchema, example: { fileName: "isolate7.fa.gz", size: 5_412_311 } },
    responses: {
      201: {
        description: "The pre-signed POST; valid until `expiresAt`.",
        content: jsonBody(directUploadSchema, {
          uploadId: "0b8f3c52-5f7e-4c1e-9a3f-2d7f1e6b9a10",
          url: "https://amr-files.s3.eu-west-1.amazonaws.com/",
          fields: { key: "files/uploads/…/0b8f3c52-…", Policy: "…", "X-Amz-Signature": "…" },
          maxBytes: 104_857_600,
          expiresAt: "2026-11-30T10:15:00.000Z",
        }),
      },
      400: invalid,
      404: errorResponse("Files are on the server's disk (code `direct_upload_unavailable`): upload with multipart POST /api/jobs. A collection that is not yours is `not_found`.", "direct_upload_unavailable", "This server takes uploads only through POST /api/jobs (multipart)."),
      413: errorResponse("`size` is larger than UPLOAD_MAX_BYTES.", "payload_too_large", "The file is larger than the 100 MB upload limit."),
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
