import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { accountOperations } from "./account-operations";
import { unsupportedMediaType } from "./error-responses";
import { adminOperations } from "./admin-operations";
import { collectionOperations } from "./collections-operations";
import { jobOperations } from "./jobs-operations";
import type { Access, Operation } from "./operation";
import { serviceOperations } from "./service-operations";

/** Every documented operation; tests/integration/openapi.test.ts checks it against app/api. */
export const OPERATIONS: readonly Operation[] = [...jobOperations, ...collectionOperations, ...accountOperations, ...serviceOperations, ...adminOperations];

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  public: [],
  user: [{ bearerToken: [] }, { sessionCookie: [] }],
  admin: [{ bearerToken: [] }, { sessionCookie: [] }],
  session: [{ sessionCookie: [] }],
  cron: [{ cronSecret: [] }],
  metrics: [{ metricsToken: [] }],
};

function toOperationObject(op: Operation): ZodOpenApiOperationObject {
  const responses: Record<`${number}`, ZodOpenApiResponseObject> = {};
  // Our own handlers refuse any other body type (NextAuth's form posts are NextAuth's).
  const own = op.body && op.body.contentType !== "application/x-www-form-urlencoded";
  for (const [status, r] of Object.entries({ ...op.responses, ...(own && !op.responses[415] ? { 415: unsupportedMediaType } : {}) })) {
    responses[status as `${number}`] = {
      description: r.description,
      ...(r.headers && { headers: Object.fromEntries(Object.entries(r.headers).map(([name, description]) => [name, { description, schema: { type: "string" } }])) }),
      ...(r.content && { content: Object.fromEntries(r.content.map((m) => [m.contentType, { schema: m.schema, example: m.example }])) }),
    };
  }
  return {
    operationId: `${op.method}${op.path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description && { description: op.description + (op.access === "admin" ? " Admins only." : "") }),
    security: SECURITY[op.access],
    ...(op.params && { requestParams: op.params }),
    ...(op.body && {
      requestBody: {
        required: true,
        content: Object.fromEntries(
          [op.body, ...(op.altBody ? [op.altBody] : [])].map((b) => [b.contentType, { schema: b.schema, example: b.example }]),
        ),
      },
    }),
    responses,
  };
}

function paths(): ZodOpenApiPathsObject {
  const out: ZodOpenApiPathsObject = {};
  for (const op of OPERATIONS) out[op.path] = { ...out[op.path], [op.method]: toOperationObject(op) };
  return out;
}

let cached: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI 3.1 document, built once per process from the routes' own zod schemas. */
export function openApiDocument(): ReturnType<typeof createDocument> {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "AMR Predictor API",
      version: "1",
      description:
        "Predicts antimicrobial resistance from genome assemblies. Scripts authenticate with a personal API token " +
        "(Account → API tokens) sent as `Authorization: Bearer amr_…`. Errors are always `{\"error\": {\"code\", \"message\"}}`. " +
        "See docs/scripting.md for an upload → poll → download walk-through.",
    },
    tags: [
      { name: "Jobs", description: "Upload genomes, follow jobs, download results." },
      { name: "Collections", description: "Named groups of jobs and their cohort views (resistance matrix, gene matrix, downloads)." },
      { name: "Sharing", description: "Read-only links to a job or a collection; /api/shares/{token} needs no account." },
      { name: "API tokens", description: "Personal tokens for scripts; managed from a browser session only." },
      { name: "Account" },
      { name: "Service" },
      { name: "Admin", description: "Admins only (the role is read from the database on every request)." },
      { name: "Operations", description: "For schedulers and monitoring, each with its own secret." },
    ],
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token, `amr_` + 43 characters. 600 requests a minute per token." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session (`__Secure-` prefixed over https)." },
        cronSecret: { type: "http", scheme: "bearer", description: "CRON_SECRET." },
        metricsToken: { type: "http", scheme: "bearer", description: "METRICS_TOKEN." },
      },
    },
    paths: paths(),
  });
  return cached;
}
