import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiFetch, errorFromBody, NETWORK_MESSAGE, parseRetryAfter, postJson, toFormFailure } from "@/components/api/client";

function stubFetch(impl: (url: string, init?: RequestInit) => Promise<Response>) {
  const fn = vi.fn(impl);
  vi.stubGlobal("fetch", fn);
  return fn;
}

async function caught(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

afterEach(() => vi.unstubAllGlobals());

describe("apiFetch", () => {
  it("returns the parsed JSON and asks for JSON", async () => {
    const fn = stubFetch(async () => Response.json({ id: "j1" }));
    await expect(apiFetch<{ id: string }>("/api/jobs/j1")).resolves.toEqual({ id: "j1" });
    expect(new Headers(fn.mock.calls[0][1]?.headers).get("Accept")).toBe("application/json");
  });

  it("passes the server's message, code and field errors through", async () => {
    stubFetch(async () =>
      Response.json({ error: { code: "conflict", message: "You already have a collection with this name.", fields: { name: "Taken." } } }, { status: 409 }),
    );
    const err = await caught(apiFetch("/api/collections"));
    expect(err).toMatchObject({ status: 409, code: "conflict", message: "You already have a collection with this name.", fields: { name: "Taken." } });
  });

  it("reads only error.fields (the old error.details.fields shape is ignored)", async () => {
    stubFetch(async () => Response.json({ error: { code: "validation_failed", message: "Bad.", details: { fields: { a: "x" } } } }, { status: 400 }));
    expect((await caught(apiFetch("/x"))).fields).toEqual({});
  });

  it("keeps Retry-After on a 429, in seconds", async () => {
    stubFetch(async () => Response.json({ error: { code: "rate_limited", message: "Slow down." } }, { status: 429, headers: { "Retry-After": "17" } }));
    const err = await caught(apiFetch("/api/jobs"));
    expect(err.status).toBe(429);
    expect(err.retryAfter).toBe(17);
    expect(err.message).toBe("Slow down.");
  });

  it("turns a network failure into status 0 with the one network message", async () => {
    stubFetch(async () => {
      throw new TypeError("Failed to fetch");
    });
    const err = await caught(apiFetch("/api/jobs"));
    expect(err.status).toBe(0);
    expect(err.message).toBe(NETWORK_MESSAGE);
  });

  it("re-throws an abort as an abort, not as a failure", async () => {
    stubFetch(async () => {
      throw new DOMException("The operation was aborted.", "AbortError");
    });
    await expect(apiFetch("/api/jobs")).rejects.toMatchObject({ name: "AbortError" });
  });

  it("gives a useful message for a non-JSON error body (a proxy's HTML page)", async () => {
    stubFetch(async () => new Response("<html>502 Bad Gateway</html>", { status: 502, headers: { "Content-Type": "text/html" } }));
    const err = await caught(apiFetch("/api/jobs"));
    expect(err).toMatchObject({ status: 502, message: "Something went wrong (502). Try again.", fields: {}, retryAfter: null });
  });

  it("refuses a non-JSON success body with a clear error", async () => {
    stubFetch(async () => new Response("<html>login</html>", { status: 200 }));
    const err = await caught(apiFetch("/api/jobs"));
    expect(err.message).toMatch(/unreadable/);
  });

  it("answers undefined for 204", async () => {
    stubFetch(async () => new Response(null, { status: 204 }));
    await expect(apiFetch("/api/jobs/j1", { method: "DELETE" })).resolves.toBeUndefined();
  });
});

describe("postJson", () => {
  it("sends JSON with the method asked for", async () => {
    const fn = stubFetch(async () => Response.json({ added: 2 }));
    await expect(postJson("/api/collections/c1/members", { add: ["a", "b"] })).resolves.toEqual({ added: 2 });
    const init = fn.mock.calls[0][1]!;
    expect(init.method).toBe("POST");
    expect(new Headers(init.headers).get("Content-Type")).toBe("application/json");
    expect(init.body).toBe(JSON.stringify({ add: ["a", "b"] }));
    await postJson("/api/collections/c1", { name: "x" }, "PATCH");
    expect(fn.mock.calls[1][1]!.method).toBe("PATCH");
  });

  it("sends no body and no content type when there is nothing to send", async () => {
    const fn = stubFetch(async () => new Response(null, { status: 204 }));
    await postJson("/api/jobs/j1", undefined, "DELETE");
    expect(fn.mock.calls[0][1]!.body).toBeUndefined();
    expect(new Headers(fn.mock.calls[0][1]!.headers).has("Content-Type")).toBe(false);
  });
});

describe("errorFromBody (XHR answers) and helpers", () => {
  it("reads a 422 genome error with its line", () => {
    const err = errorFromBody(422, JSON.stringify({ error: { code: "invalid_genome", message: "Line 3: not a nucleotide." } }), null);
    expect(err).toMatchObject({ status: 422, code: "invalid_genome", message: "Line 3: not a nucleotide." });
  });

  it("has a default message for an empty 413", () => {
    expect(errorFromBody(413, "", null).message).toBe("The upload is too large.");
  });

  it("parses Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("5", now)).toBe(5);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it("turns anything thrown into a form failure", () => {
    expect(toFormFailure(new ApiError(400, "Fix it.", { fields: { name: "Required." } }))).toEqual({ message: "Fix it.", fields: { name: "Required." } });
    expect(toFormFailure(new Error("boom"))).toEqual({ message: "Something went wrong. Try again.", fields: {} });
  });
});
