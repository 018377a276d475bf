import { z } from "zod";

export const MAX_SHARE_EXPIRY_DAYS = 365;

/** POST /api/share-links: exactly one target, of the caller's own. */
export const createShareSchema = z
  .object({
    jobId: z.uuid("jobId must be a job's id.").optional(),
    collectionId: z.uuid("collectionId must be a collection's id.").optional(),
    expiresInDays: z
      .number()
      .int("Use a whole number of days.")
      .min(1, "Use at least 1 day.")
      .max(MAX_SHARE_EXPIRY_DAYS, `Use at most ${MAX_SHARE_EXPIRY_DAYS} days.`)
      .nullish(),
    showOwner: z.boolean().default(false),
  })
  .refine((v) => Boolean(v.jobId) !== Boolean(v.collectionId), { message: "Share either one job (jobId) or one collection (collectionId).", path: ["jobId"] });

export type CreateShareInput = z.infer<typeof createShareSchema>;

export const shareLinkIdParamSchema = z.object({ id: z.uuid("Invalid share link id.") });
/** Any string: a malformed token gets the same 404 as an unknown one. */
export const shareTokenParamSchema = z.object({ token: z.string().max(200) });

export const listSharesQuerySchema = z.object({
  jobId: z.uuid().optional(),
  collectionId: z.uuid().optional(),
});
