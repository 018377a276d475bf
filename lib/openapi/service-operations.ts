import { z } from "zod";
import { MODELS } from "@/lib/amr/models";
import { errorResponse, forbidden, unauthorized } from "./error-responses";
import { jsonBody, type Operation } from "./operation";
import { healthSchema, maintenanceResultSchema, maintenanceRunSchema, modelsResponseSchema } from "./response-schemas";

const MB = 1024 * 1024;
const bearerRequired = (what: string) => errorResponse(`Missing or wrong ${what}.`, "unauthorized", `A valid ${what} is required.`);

export const serviceOperations: Operation[] = [
  {
    method: "get", path: "/api/models", tag: "Service", access: "user",
    summary: "The engines, their parameters with ranges and defaults, and the upload limits",
    responses: { 200: { description: "Models and limits.", content: jsonBody(modelsResponseSchema, { models: MODELS, limits: { maxUploadBytes: 100 * MB, maxUncompressedBytes: 200 * MB } }) }, 401: unauthorized },
  },
  {
    method: "get", path: "/api/health", tag: "Service", access: "public",
    summary: "Liveness after a real database query",
    responses: {
      200: { description: "Up.", content: jsonBody(healthSchema, { status: "ok", db: "ok" }) },
      503: { description: "The database is unreachable.", content: jsonBody(healthSchema, { status: "error", db: "unreachable" }) },
    },
  },
  {
    method: "get", path: "/api/openapi.json", tag: "Service", access: "public",
    summary: "This document (OpenAPI 3.1)",
    responses: { 200: { description: "The OpenAPI document." } },
  },
  {
    method: "get", path: "/api/admin/metrics", tag: "Admin", access: "admin",
    summary: "Database and route timings, job counts, queue depth, engine throughput, workers by heartbeat",
    responses: { 200: { description: "A snapshot (shape documented in docs/operations.md)." }, 401: unauthorized, 403: forbidden },
  },
  {
    method: "get", path: "/api/admin/maintenance", tag: "Admin", access: "admin",
    summary: "The latest maintenance runs",
    // Mirrors the route's own query schema (route files export only handlers).
    params: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
    responses: {
      200: {
        description: "Newest first.",
        content: jsonBody(z.object({ items: z.array(maintenanceRunSchema) }), {
          items: [{ id: "run-1", trigger: "cron", status: "ok", startedAt: "2026-03-01T03:00:00.000Z", finishedAt: "2026-03-01T03:00:02.000Z", durationMs: 2012, archived: 12, purged: 3, failedStale: 0, orphansRemoved: 0, missingFiles: 0, error: null }],
        }),
      },
      401: unauthorized,
      403: forbidden,
    },
  },
  {
    method: "get", path: "/api/cron/maintenance", tag: "Operations", access: "cron",
    summary: "Run retention: archive, purge, fail stale jobs, remove orphan files",
    description: "Called by Vercel Cron or any scheduler with `Authorization: Bearer $CRON_SECRET`. Idempotent; a concurrent run is skipped.",
    responses: {
      200: { description: "What the run did.", content: jsonBody(maintenanceResultSchema, { archived: 12, purged: 3, failedStale: 0, orphansRemoved: 0, missingFiles: 0, durationMs: 2012, skipped: false }) },
      401: bearerRequired("cron secret"),
    },
  },
  {
    method: "get", path: "/api/metrics", tag: "Operations", access: "metrics",
    summary: "Prometheus metrics",
    responses: {
      200: { description: "Prometheus text format.", content: [{ contentType: "text/plain; version=0.0.4", schema: z.string(), example: "# HELP amr_jobs Jobs by status\n" }] },
      401: bearerRequired("metrics token"),
    },
  },
];
