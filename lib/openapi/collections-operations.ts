import { z } from "zod";
import { collectionIdParamSchema, createCollectionSchema, matrixQuerySchema, membersChangeSchema, renameCollectionSchema } from "@/lib/collections/schemas";
import { resultFormatQuerySchema } from "@/lib/jobs/schemas";
import { createShareSchema, listSharesQuerySchema, shareLinkIdParamSchema, shareTokenParamSchema } from "@/lib/shares/schemas";
import { authErrors, errorResponse, invalid, rateLimited } from "./error-responses";
import { jobDetailExample } from "./examples";
import { jsonBody, type MediaSpec, type Operation } from "./operation";
import { collectionSchema, createdShareSchema, matrixSchema, membersResultSchema, shareLinkSchema, sharedViewSchema } from "./collection-schemas";

const ID = "6b0e7d4c-9f1a-4b2e-8c3d-5a6f7e8d9c0b";
const JOB = "0d7c1f2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f";
const collectionExample = { id: ID, name: "Outbreak ward 7", createdAt: "2026-11-30T08:00:00.000Z", updatedAt: "2026-11-30T08:05:00.000Z", jobCount: 12 };
const matrixExample = {
  counts: { total: 2, completed: 1, failed: 0, running: 1, cancelled: 0 },
  members: [
    { id: JOB, name: "isolate 7", status: "Completed", progress: 100 },
    { id: "1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b", name: "isolate 8", status: "Processing", progress: 40 },
  ],
  classes: ["beta-lactam"],
  antibiotics: [{ name: "ampicillin", class: "beta-lactam", resistant: 1 }],
  genes: [{ name: "blaTEM-1B", class: "beta-lactam", present: 1 }],
  rows: [{ jobId: JOB, name: "isolate 7", status: "Completed", resistant: { "0": ["blaTEM-1B"] }, identity: { "0": 100 } }],
  unreadable: [],
  purged: [],
};
const linkExample = { id: ID, kind: "collection" as const, targetId: ID, targetName: "Outbreak ward 7", status: "active" as const, showOwner: false, createdAt: "2026-11-30T08:00:00.000Z", expiresAt: "2026-12-30T08:00:00.000Z" };
const TOKEN = "Zk3xQ0b6mJw2Yt9nV4pL8sR1cD7fH5gK0aE3uI6oP2y";

const missing = errorResponse("No such collection among the caller's (another user's looks the same), or a named job is not the caller's.", "not_found", "Collection not found.");
const shareMissing = errorResponse(
  "Unknown, malformed, expired or revoked link, or a download the link's target does not have: always the same answer.",
  "not_found",
  "This link does not exist or is no longer shared.",
);
const duplicate = errorResponse("The caller already has a collection with that name (`fields.name`).", "conflict", "You already have a collection with that name.");
const idParams = { path: collectionIdParamSchema };
const tokenParams = { path: shareTokenParamSchema };
const noindex = { "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer" };

const downloads: MediaSpec[] = [
  { contentType: "application/json", schema: matrixSchema, example: matrixExample },
  { contentType: "text/tab-separated-values; charset=utf-8", schema: z.string(), example: `genome\tjob_id\tampicillin\nclass\t\tbeta-lactam\nisolate 7\t${JOB}\tR\n` },
  { contentType: "text/csv; charset=utf-8", schema: z.string(), example: `genome,job_id,ampicillin\r\nclass,,beta-lactam\r\nisolate 7,${JOB},R\r\n` },
  { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema: z.string().meta({ format: "binary" }), example: "(binary)" },
];
const matrixDescription =
  "format=json (default): the genome × antibiotic matrix (columns grouped by class, the genes behind each resistant cell), the genome × gene " +
  "matrix (best identity), per-antibiotic counts, every member's state (progress while jobs run), members whose results are missing and " +
  "members deleted by the retention policy. tsv/csv: the genome × antibiotic table (R = resistance predicted, - = none detected). " +
  "xlsx: a workbook with one sheet per view. Computed from stored results and cached until a member changes; ETag / 304.";

export const collectionOperations: Operation[] = [
  {
    method: "get", path: "/api/collections", tag: "Collections", access: "user",
    summary: "The caller's collections, newest first",
    responses: { 200: { description: "Collections with their job counts.", content: jsonBody(z.object({ collections: z.array(collectionSchema) }), { collections: [collectionExample] }) }, ...authErrors },
  },
  {
    method: "post", path: "/api/collections", tag: "Collections", access: "user",
    summary: "Create a collection",
    body: { contentType: "application/json", schema: createCollectionSchema, example: { name: "Outbreak ward 7" } },
    responses: { 201: { description: "Created.", content: jsonBody(collectionSchema, { ...collectionExample, jobCount: 0 }), headers: { Location: "/api/collections/{id}" } }, 400: invalid, 409: duplicate, ...authErrors },
  },
  {
    method: "get", path: "/api/collections/{id}", tag: "Collections", access: "user", params: idParams,
    summary: "One collection",
    responses: { 200: { description: "The collection.", content: jsonBody(collectionSchema, collectionExample) }, 404: missing, ...authErrors },
  },
  {
    method: "patch", path: "/api/collections/{id}", tag: "Collections", access: "user", params: idParams,
    summary: "Rename a collection",
    body: { contentType: "application/json", schema: renameCollectionSchema, example: { name: "Outbreak ward 7 (final)" } },
    responses: { 200: { description: "Renamed.", content: jsonBody(collectionSchema, collectionExample) }, 400: invalid, 404: missing, 409: duplicate, ...authErrors },
  },
  {
    method: "delete", path: "/api/collections/{id}", tag: "Collections", access: "user", params: idParams,
    summary: "Delete a collection (its jobs stay; its share links go)",
    responses: { 204: { description: "Deleted." }, 404: missing, ...authErrors },
  },
  {
    method: "post", path: "/api/collections/{id}/members", tag: "Collections", access: "user", params: idParams,
    summary: "Add jobs to / remove jobs from a collection",
    description: "At most 500 ids in all. A job can be in several collections. Any id that is not one of the caller's jobs → 404 and nothing changes.",
    body: { contentType: "application/json", schema: membersChangeSchema, example: { add: [JOB], remove: [] } },
    responses: { 200: { description: "Changed.", content: jsonBody(membersResultSchema, { added: 1, removed: 0, jobCount: 13 }) }, 400: invalid, 404: missing, ...authErrors },
  },
  {
    method: "get", path: "/api/collections/{id}/matrix", tag: "Collections", access: "user",
    params: { path: collectionIdParamSchema, query: matrixQuerySchema },
    summary: "The collection's resistance matrix, gene matrix and downloads",
    description: matrixDescription,
    responses: { 200: { description: "The matrix, or the file as an attachment.", content: downloads, headers: { ETag: "Changes when a member does." } }, 400: invalid, 404: missing, ...authErrors },
  },
  {
    method: "get", path: "/api/share-links", tag: "Sharing", access: "user", params: { query: listSharesQuerySchema },
    summary: "The caller's active share links (optionally of one job or collection)",
    responses: { 200: { description: "Links, newest first (never their tokens).", content: jsonBody(z.object({ links: z.array(shareLinkSchema) }), { links: [linkExample] }) }, ...authErrors },
  },
  {
    method: "post", path: "/api/share-links", tag: "Sharing", access: "user",
    summary: "Create a read-only link to a job or a collection",
    description: "Anyone with the link sees the target's results and downloads, without an account, and nothing else. The token is shown once; only its hash is stored. Optional expiry in days; showOwner puts the owner's username on the page.",
    body: { contentType: "application/json", schema: createShareSchema, example: { collectionId: ID, expiresInDays: 30, showOwner: false } },
    responses: { 201: { description: "Created.", content: jsonBody(createdShareSchema, { link: linkExample, token: TOKEN, path: `/s/${TOKEN}` }) }, 400: invalid, 404: missing, ...authErrors },
  },
  {
    method: "delete", path: "/api/share-links/{id}", tag: "Sharing", access: "user", params: { path: shareLinkIdParamSchema },
    summary: "Revoke a share link (it answers 404 from now on)",
    responses: { 204: { description: "Revoked." }, 404: errorResponse("No such active link of the caller's.", "not_found", "No such share link."), ...authErrors },
  },
  {
    method: "get", path: "/api/shares/{token}", tag: "Sharing", access: "public", params: tokenParams,
    summary: "What a share link opens: a job or a collection",
    description: "No account needed. Rate-limited per address. Every answer carries X-Robots-Tag: noindex.",
    responses: {
      200: { description: "The shared job (with its details) or collection (name and size).", content: jsonBody(sharedViewSchema, { kind: "job", owner: null, expiresAt: null, job: jobDetailExample }), headers: noindex },
      404: shareMissing,
      429: rateLimited,
    },
  },
  {
    method: "get", path: "/api/shares/{token}/results", tag: "Sharing", access: "public", params: { path: shareTokenParamSchema, query: resultFormatQuerySchema },
    summary: "A shared job's result files",
    description: "As GET /api/jobs/{id}/results, for the link's own job only (404 for a collection's link).",
    responses: { 200: { description: "The file as an attachment.", headers: noindex }, 404: shareMissing, 409: errorResponse("The job has not completed.", "conflict", "Results are available once the job has completed; it is processing."), 429: rateLimited },
  },
  {
    method: "get", path: "/api/shares/{token}/matrix", tag: "Sharing", access: "public", params: { path: shareTokenParamSchema, query: matrixQuerySchema },
    summary: "A shared collection's matrix and downloads",
    description: `As GET /api/collections/{id}/matrix, for the link's own collection only (404 for a job's link). ${matrixDescription}`,
    responses: { 200: { description: "The matrix, or the file as an attachment.", content: downloads, headers: noindex }, 404: shareMissing, 429: rateLimited },
  },
];
