import { z } from "zod";
import { PARAM_FIELDS } from "@/lib/amr/models";

/**
 * Form fields of POST /api/jobs. FormData values are strings: numbers are coerced here, and
 * ranges are the model registry's business (resolveParams), so its messages reach the user.
 * Both camelCase and the original snake_case names are accepted for scripts.
 */
const optionalNumber = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: `must be a number; got "${v.slice(0, 40)}"` });
      return z.NEVER;
    }
    return n;
  });

const optionalBool = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return undefined;
    if (["true", "1", "yes", "on"].includes(v)) return true;
    if (["false", "0", "no", "off"].includes(v)) return false;
    ctx.addIssue({ code: "custom", message: `must be true or false; got "${v.slice(0, 40)}"` });
    return z.NEVER;
  });

export const uploadFieldsSchema = z.object({
  jobName: z.string().trim().max(200, "must be at most 200 characters").optional(),
  modelName: z.string().trim().max(100).optional(),
  batchSize: optionalNumber,
  segmentLength: optionalNumber,
  segmentOverlap: optionalNumber,
  useCpu: optionalBool,
  minIdentity: optionalNumber,
  minCoverage: optionalNumber,
  /** Join this collection of the user's as the job is created. */
  collectionId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.uuid("must be a collection's id").optional()),
});

export type UploadFields = z.infer<typeof uploadFieldsSchema>;

const SNAKE: Record<string, keyof UploadFields> = { job_name: "jobName", model_name: "modelName", collection_id: "collectionId", ...PARAM_FIELDS };

export const KNOWN_FIELDS = new Set<string>([...Object.keys(uploadFieldsSchema.shape), ...Object.keys(SNAKE)]);

export function normaliseFieldName(name: string): string {
  return SNAKE[name] ?? name;
}
