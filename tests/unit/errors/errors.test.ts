import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, toErrorPayload, toErrorResponse } from "@/lib/errors";
import { captureLogs } from "../../helpers/log-capture";

describe("error mapping", () => {
  it.each([
    ["not_found", 404],
    ["conflict", 409],
    ["payload_too_large", 413],
    ["invalid_genome", 422],
    ["rate_limited", 429],
    ["unauthorized", 401],
    ["forbidden", 403],
  ] as const)("%s → %i", (code, status) => {
    const p = toErrorPayload(new AppError(code, "msg"));
    expect(p.status).toBe(status);
    expect(p.body).toEqual({ error: { code, message: "msg" } });
  });

  it("maps zod errors to 400 with field messages", () => {
    const r = z.object({ batchSize: z.number().max(10, "at most 10") }).safeParse({ batchSize: 11 });
    const p = toErrorPayload(r.error);
    expect(p.status).toBe(400);
    expect(p.body.error.code).toBe("validation_failed");
    expect(p.body.error.fields).toEqual({ batchSize: "at most 10" });
  });

  it("sends a service rule's field errors where zod's go (error.fields), one shape for every client", () => {
    const p = toErrorPayload(new AppError("conflict", "That username is taken.", { fields: { username: "That username is taken." } }));
    expect(p.status).toBe(409);
    expect(p.body).toEqual({
      error: { code: "conflict", message: "That username is taken.", fields: { username: "That username is taken." } },
    });
  });

  it("maps Prisma not-found and SQLite busy", () => {
    expect(toErrorPayload(Object.assign(new Error("x"), { code: "P2025" })).status).toBe(404);
    const busy = toErrorPayload(Object.assign(new Error("SQLITE_BUSY: database is locked"), { code: "P1008" }));
    expect(busy.status).toBe(503);
    expect(busy.headers?.["Retry-After"]).toBeDefined();
  });

  it("hides unexpected errors behind a generic 500", async () => {
    const log = captureLogs();
    const res = toErrorResponse(new Error("secret path /srv/db at line 12"));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: "Something went wrong on our side." } });
    expect(res.headers.get("cache-control")).toBe("no-store");
    // The operator gets the real error, as one JSON line; the client gets none of it.
    const [record] = log.records();
    log.restore();
    expect(record).toMatchObject({ level: "error", msg: "unhandled error", err: { message: "secret path /srv/db at line 12" } });
  });

  it("passes AppError headers through (Retry-After)", () => {
    const res = toErrorResponse(new AppError("rate_limited", undefined, { headers: { "Retry-After": "60" } }));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("60");
  });
});
