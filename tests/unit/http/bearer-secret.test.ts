import { describe, expect, it } from "vitest";
import { bearerMatches } from "@/lib/http/bearer-secret";

const SECRET = "s3cret-s3cret-s3cret";

describe("bearerMatches", () => {
  it("accepts exactly `Bearer <secret>`", () => {
    expect(bearerMatches(`Bearer ${SECRET}`, SECRET)).toBe(true);
  });

  it.each([
    ["missing header", null],
    ["wrong secret", "Bearer s3cret-s3cret-s3creX"],
    ["secret without the scheme", SECRET],
    ["another scheme", `Basic ${SECRET}`],
    ["a prefix of the secret", `Bearer ${SECRET.slice(0, -1)}`],
    ["the secret plus more", `Bearer ${SECRET}x`],
    ["lower-case scheme", `bearer ${SECRET}`],
  ])("refuses %s", (_label, header) => {
    expect(bearerMatches(header, SECRET)).toBe(false);
  });

  it("fails closed when no secret is configured, even for `Bearer undefined`", () => {
    expect(bearerMatches("Bearer undefined", undefined)).toBe(false);
    expect(bearerMatches("Bearer ", "")).toBe(false);
  });
});
