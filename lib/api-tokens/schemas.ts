import { z } from "zod";

export const MAX_TOKEN_EXPIRY_DAYS = 365;

/** POST /api/tokens. No expiry is allowed (long-running pipelines), but the UI suggests one. */
export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(100, "Use at most 100 characters."),
  expiresInDays: z
    .number()
    .int("Use a whole number of days.")
    .min(1, "Use at least 1 day.")
    .max(MAX_TOKEN_EXPIRY_DAYS, `Use at most ${MAX_TOKEN_EXPIRY_DAYS} days.`)
    .nullish(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const tokenIdParamSchema = z.object({ id: z.uuid("Invalid token id.") });
