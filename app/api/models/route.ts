// GET /api/models — the engines, their parameters with ranges and defaults, and the upload limit.
import { MODELS } from "@/lib/amr/models";
import { getEnv } from "@/lib/env";
import { json } from "@/lib/http/json";
import { withUser } from "@/lib/http/with-user";

export const GET = withUser(async () =>
  json({ models: MODELS, limits: { maxUploadBytes: getEnv().UPLOAD_MAX_BYTES, maxUncompressedBytes: getEnv().UNCOMPRESSED_MAX_BYTES } }),
);
