import { z } from "zod";

// Direct uploads (object storage only): POST /api/uploads hands out a pre-signed POST for one
// key; the client sends the genome to the bucket, then confirms with POST /api/jobs (JSON).

export const uploadRequestSchema = z.object({
  fileName: z.string().trim().min(1).max(255).optional(),
  /** The size the client is about to send, so an oversize file is refused before it is sent. */
  size: z.number().int().min(0).optional(),
});

export const confirmUploadSchema = z.object({
  uploadId: z.uuid({ error: "uploadId must be the id POST /api/uploads returned" }),
  fileName: z.string().trim().min(1).max(255).optional(),
  jobName: z.string().trim().max(200, "must be at most 200 characters").optional(),
  modelName: z.string().trim().max(100).optional(),
  batchSize: z.number().optional(),
  segmentLength: z.number().optional(),
  segmentOverlap: z.number().optional(),
  minIdentity: z.number().optional(),
  minCoverage: z.number().optional(),
  useCpu: z.boolean().optional(),
});

export type UploadRequest = z.infer<typeof uploadRequestSchema>;
export type ConfirmUpload = z.infer<typeof confirmUploadSchema>;
