import { z } from "zod";

/** The most job ids one membership change may carry (add and remove together). */
export const MAX_MEMBER_CHANGES = 500;

export const collectionNameSchema = z
  .string({ error: "Give the collection a name." })
  .trim()
  .min(1, "Give the collection a name.")
  .max(100, "Use at most 100 characters.");

export const createCollectionSchema = z.object({ name: collectionNameSchema });
export const renameCollectionSchema = z.object({ name: collectionNameSchema });

const jobIds = z.array(z.uuid("Each job id must be a job's id.")).optional();

export const membersChangeSchema = z
  .object({ add: jobIds, remove: jobIds })
  .refine((v) => (v.add?.length ?? 0) + (v.remove?.length ?? 0) > 0, { message: "Name at least one job to add or remove.", path: ["add"] })
  .refine((v) => (v.add?.length ?? 0) + (v.remove?.length ?? 0) <= MAX_MEMBER_CHANGES, {
    message: `At most ${MAX_MEMBER_CHANGES} job ids per request.`,
    path: ["add"],
  });

export const collectionIdParamSchema = z.object({ id: z.uuid("Invalid collection id.") });

export const MATRIX_FORMATS = ["json", "tsv", "csv", "xlsx"] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];
export const matrixQuerySchema = z.object({
  format: z.enum(MATRIX_FORMATS, { error: `format must be one of: ${MATRIX_FORMATS.join(", ")}` }).default("json"),
});

export type CreateCollectionInput = z.infer<typeof createCollectionSchema>;
export type MembersChange = z.infer<typeof membersChangeSchema>;
