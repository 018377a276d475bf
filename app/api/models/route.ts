// GET /api/models — the engines, their parameters with ranges and defaults.
import { MODELS } from "@/lib/amr/models";
import { json } from "@/lib/http/json";
import { withUser } from "@/lib/http/with-user";

export const GET = withUser(async () => json({ models: MODELS }));
