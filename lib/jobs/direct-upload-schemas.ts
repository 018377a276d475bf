import { z } from "zod";
import { jobSettingsSchema } from "./schemas";

// Direct uploads (object storage only): POST /api/uploads hands out a pre-signed POST for one
// key; the client sends the genome to the bucket, then confirms with POST /api/jobs (JSON).

export const uploadRequestSchema = z.object({
  fileName: z.string().trim().min(1).max(255).optional(),
  /** The size the client is about to send, so an oversize file is refused before it is sent. */
  size: z.number().int().min(0).optional(),
  /** Checked now (404 before anything is sent); send it again with the confirm, which joins it. */
  collectionId: z.uuid("collectionId must be a collection's id").optional(),
});

export const confirmUploadSchema = jobSettingsSchema.extend({
  uploadId: z.uuid({ error: "uploadId must be the id POST /api/uploads returned" }),
  fileName: z.string().trim().min(1).max(255).optional(),
  collectionId: z.uuid("collectionId must be a collection's id").optional(),
});

export type UploadRequest = z.infer<typeof uploadRequestSchema>;
export type ConfirmUpload = z.infer<typeof confirmUploadSchema>;
