// Zod schemas of what the routes answer. The routes build these bodies from TypeScript types
// (DTO mappers), so each schema is tied to its type below: if one changes without the other,
// `tsc` fails, and the document cannot drift from the code.
import { z } from "zod";
import { MAINTENANCE_RUN_STATUSES } from "@/lib/maintenance/run-status";
import type { ModelInfo } from "@/lib/amr/models";
import type { AmrResult } from "@/lib/amr/types";
import type { ApiTokenDto } from "@/lib/api-tokens/dto";
import type { ErrorBody } from "@/lib/errors";
import type { HealthReport } from "@/lib/health";
import { JOB_STATUSES } from "@/lib/jobs/status";
import type { JobDetail, JobSummary } from "@/lib/jobs/types";
import type { MaintenanceRunSummary } from "@/lib/maintenance/runs";
import type { AdminUserView } from "@/lib/auth/admin-users";

// Exact equality (optional and readonly members included), not mere mutual assignability.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Assert<T extends true> = T;

const isoDate = z.iso.datetime();
const nullableDate = isoDate.nullable();

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(["bad_request", "validation_failed", "unauthorized", "forbidden", "not_found", "direct_upload_unavailable", "conflict", "payload_too_large", "unsupported_media_type", "invalid_genome", "rate_limited", "unavailable", "internal"]),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().meta({ description: "Field path → first problem, for validation errors." }),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: "Error" });

export const jobSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(JOB_STATUSES),
    progress: z.number().min(0).max(100),
    phase: z.string().nullable(),
    etaSeconds: z.number().nullable(),
    modelName: z.string().nullable(),
    createdAt: isoDate,
    startedAt: nullableDate,
    completedAt: nullableDate,
    archivedAt: nullableDate,
    archiveAt: nullableDate.meta({ description: "When maintenance will archive the job (null: never)." }),
    deleteAt: nullableDate.meta({ description: "When maintenance will delete the job (null while it is live)." }),
    error: z.string().nullable(),
    version: z.int().meta({ description: "Bumped on every change; the basis of the ETag." }),
  })
  .meta({ id: "JobSummary" });

export const jobParamsSchema = z.object({
  modelName: z.string(),
  batchSize: z.int(),
  segmentLength: z.int(),
  segmentOverlap: z.int(),
  useCpu: z.boolean(),
  minIdentity: z.number(),
  minCoverage: z.number(),
});

export const jobDetailSchema = jobSummarySchema
  .extend({
    params: jobParamsSchema.nullable(),
    input: z.object({ fileName: z.string(), sizeBytes: z.int(), sha256: z.string(), contigs: z.int(), bases: z.int() }).nullable(),
    progressInfo: z.object({
      phase: z.string().optional(),
      segmentsDone: z.number().optional(),
      segmentsTotal: z.number().optional(),
      basesDone: z.number().optional(),
      basesTotal: z.number().optional(),
      etaSeconds: z.number().nullable().optional(),
    }),
    attempts: z.int(),
    cancelRequested: z.boolean(),
    retryAt: z.iso.datetime().nullable().meta({ description: "Queued again after a temporary failure (see error): it runs no earlier than this." }),
  })
  .meta({ id: "JobDetail" });

export const directUploadSchema = z
  .object({
    uploadId: z.uuid(),
    url: z.url().meta({ description: "POST the form here (the object store, not this server)." }),
    fields: z.record(z.string(), z.string()).meta({ description: "Form fields to send before the file, as they are." }),
    maxBytes: z.number().int(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: "DirectUpload" });

export const jobPageSchema = z
  .object({ items: z.array(jobSummarySchema), nextCursor: z.string().nullable().meta({ description: "Pass as ?cursor= for the next (older) page; null at the end." }) })
  .meta({ id: "JobPage" });

const modelParameterSchema = z.object({
  name: z.string(),
  type: z.enum(["integer", "number", "boolean"]),
  min: z.number().nullable(),
  max: z.number().nullable(),
  default: z.union([z.number(), z.boolean()]),
  description: z.string(),
});

export const modelInfoSchema = z
  .object({ name: z.string(), description: z.string(), default: z.boolean(), parameters: z.array(modelParameterSchema) })
  .meta({ id: "ModelInfo" });

export const modelsResponseSchema = z.object({
  models: z.array(modelInfoSchema),
  limits: z.object({ maxUploadBytes: z.int(), maxUncompressedBytes: z.int() }),
});

const alleleCallSchema = z
  .object({
    status: z.enum(["exact", "variant", "partial", "truncated"]).meta({
      description:
        "exact: 100 % identity over the whole reference; variant: the whole reference with differences; partial: part of the reference only; truncated: a premature stop or an unrestored frameshift.",
    }),
    referenceStart: z.int().meta({ description: "First reference base the hit covers (1-based)." }),
    referenceEnd: z.int().meta({ description: "Last reference base the hit covers (inclusive)." }),
    nucleotideChanges: z.array(z.string()).meta({ description: "HGVS coding-DNA notation on reference positions.", examples: [["c.718A>G", "c.100_102del", "c.100_101insACG"]] }),
    aminoAcidChanges: z
      .array(z.string())
      .nullable()
      .meta({ description: "Protein changes, residues numbered from the start codon; null when the reference is not one open reading frame.", examples: [["D240G", "Q150*", "K23del", "S120fs"]] }),
    frameshift: z.boolean(),
    prematureStop: z.boolean(),
    proteinLength: z.int().nullable().meta({ description: "Residues before the first stop, when the hit covers the start codon." }),
    referenceProteinLength: z.int().nullable(),
  })
  .meta({ id: "AlleleCall" });

const geneHitSchema = z.object({
  refId: z.string(),
  gene: z.string(),
  accession: z.string(),
  class: z.string(),
  contig: z.string(),
  start: z.int(),
  end: z.int(),
  strand: z.enum(["+", "-"]),
  identity: z.number().meta({ description: "Percent identity over the alignment." }),
  coverage: z.number().meta({ description: "Percent of the reference gene covered." }),
  alignmentLength: z.int(),
  referenceLength: z.int(),
  antibiotics: z.array(z.string()),
  allele: alleleCallSchema.optional().meta({ description: "How the genome differs from the reference allele; absent from results computed before allele calls existed." }),
  split: z.literal(true).optional().meta({ description: "resfinder-sensitive: the gene is split across two contigs (see pieces)." }),
  pieces: z
    .array(z.object({ contig: z.string(), start: z.int(), end: z.int(), strand: z.enum(["+", "-"]) }))
    .optional()
    .meta({ description: "resfinder-sensitive, split genes: the pieces in reference order; contig, start, end and strand are the first piece's." }),
  sensitiveOnly: z.literal(true).optional().meta({ description: "resfinder-sensitive: a call the default model does not make." }),
});

export const amrResultSchema = z
  .object({
    model: z.string().meta({ description: "The model that produced the result: resfinder-genes or resfinder-sensitive." }),
    input: z.object({
      contigs: z.int(),
      bases: z.int(),
      contigLengths: z.array(z.object({ id: z.string(), length: z.int() })).optional(),
    }),
    genes: z.array(geneHitSchema),
    phenotypes: z.array(
      z.object({ antibiotic: z.string(), class: z.string(), phenotype: z.enum(["Resistant", "No resistance detected"]), genes: z.array(z.string()) }),
    ),
  })
  .meta({ id: "AmrResult" });

export const healthSchema = z.object({ status: z.enum(["ok", "error"]), db: z.enum(["ok", "unreachable"]) });

export const maintenanceRunSchema = z.object({
  id: z.string(),
  trigger: z.string(),
  status: z.enum([...MAINTENANCE_RUN_STATUSES, "unknown"]).meta({ description: "ok = succeeded; skipped = another run held the lock." }),
  startedAt: isoDate,
  finishedAt: nullableDate,
  durationMs: z.int().nullable(),
  archived: z.int(),
  purged: z.int(),
  failedStale: z.int(),
  orphansRemoved: z.int(),
  missingFiles: z.int(),
  error: z.string().nullable(),
});

export const maintenanceResultSchema = z.object({
  archived: z.int(),
  purged: z.int(),
  failedStale: z.int(),
  orphansRemoved: z.int(),
  missingFiles: z.int(),
  durationMs: z.number(),
  skipped: z.boolean().meta({ description: "true when another run held the lock; nothing was done." }),
});

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: "The first characters of the secret, to tell tokens apart." }),
    status: z.enum(["active", "expired", "revoked"]),
    createdAt: isoDate,
    expiresAt: nullableDate,
    lastUsedAt: nullableDate.meta({ description: "Recorded to the minute." }),
  })
  .meta({ id: "ApiToken" });

export const createdTokenSchema = z.object({
  token: apiTokenSchema,
  secret: z.string().regex(/^amr_[A-Za-z0-9_-]{43}$/).meta({ description: "The token itself. Shown in this answer only; only its hash is stored." }),
});

export const adminUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    email: z.string().nullable(),
    role: z.enum(["user", "admin"]),
    disabled: z.boolean(),
    createdAt: z.string(),
    lastLogin: z.string().nullable(),
    jobs: z.int(),
  })
  .meta({ id: "AdminUser" });

// Compile-time ties between the schemas above and the types the routes really send.
export type SchemasInSync = [
  Assert<Same<z.infer<typeof errorSchema>, ErrorBody>>,
  Assert<Same<z.infer<typeof jobSummarySchema>, JobSummary>>,
  Assert<Same<z.infer<typeof jobDetailSchema>, JobDetail>>,
  Assert<Same<z.infer<typeof modelInfoSchema>, ModelInfo>>,
  Assert<Same<z.infer<typeof amrResultSchema>, AmrResult>>,
  Assert<Same<z.infer<typeof healthSchema>, HealthReport>>,
  Assert<Same<z.infer<typeof maintenanceRunSchema>, MaintenanceRunSummary>>,
  Assert<Same<z.infer<typeof apiTokenSchema>, ApiTokenDto>>,
  Assert<Same<z.infer<typeof adminUserSchema>, AdminUserView>>,
];
