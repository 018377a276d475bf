import { beforeEach, describe, expect, it } from "vitest";
import { consumeTokenRequest, resetTokenWindows } from "@/lib/api-tokens/rate-limit";
import { AppError } from "@/lib/errors";

const policy = { limit: 3, windowMs: 10_000 };

describe("per-token rate limit", () => {
  beforeEach(() => resetTokenWindows());

  it("allows `limit` requests per window per token, then 429 with Retry-After until the oldest leaves", () => {
    for (const t of [0, 1000, 2000]) consumeTokenRequest("a", t, policy);
    let refused: unknown;
    try {
      consumeTokenRequest("a", 3000, policy);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(429);
    expect((refused as AppError).headers?.["Retry-After"]).toBe("7");
    // Another token is unaffected, and a refused request is not counted.
    expect(() => consumeTokenRequest("b", 3000, policy)).not.toThrow();
    expect(() => consumeTokenRequest("a", 10_001, policy)).not.toThrow();
    expect(() => consumeTokenRequest("a", 10_002, policy)).toThrow(AppError);
  });
});
