import type { z } from "zod";

/** Who may call an operation; document.ts turns this into OpenAPI security requirements. */
export type Access = "public" | "user" | "admin" | "session" | "cron" | "metrics";

/** One representation of a body. `example` must validate against `schema` (tests/integration/openapi.test.ts). */
export interface MediaSpec {
  contentType: string;
  schema: z.ZodType;
  example: unknown;
}

export interface ResponseSpec {
  description: string;
  content?: MediaSpec[];
  /** Header name → description. */
  headers?: Record<string, string>;
}

export interface BodySpec extends MediaSpec {
  contentType: "application/json" | "multipart/form-data" | "application/x-www-form-urlencoded";
}

export const jsonBody = (schema: z.ZodType, example: unknown): MediaSpec[] => [{ contentType: "application/json", schema, example }];

/** One method on one path, as the route handler implements it. */
export interface Operation {
  method: "get" | "post" | "patch" | "delete";
  /** OpenAPI form: /api/jobs/{id}. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: { path?: z.ZodObject; query?: z.ZodObject };
  body?: BodySpec;
  /** Another representation the same operation accepts (POST /api/jobs: multipart or JSON). */
  altBody?: BodySpec;
  responses: Record<number, ResponseSpec>;
}
