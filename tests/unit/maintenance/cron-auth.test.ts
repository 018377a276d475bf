import { describe, expect, it } from "vitest";
import { isAuthorizedCronRequest } from "@/lib/maintenance/cron-auth";

const SECRET = "s3cret-s3cret-s3cret";

describe("isAuthorizedCronRequest", () => {
  it("accepts exactly `Bearer <secret>`", () => {
    expect(isAuthorizedCronRequest(`Bearer ${SECRET}`, SECRET)).toBe(true);
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
    expect(isAuthorizedCronRequest(header, SECRET)).toBe(false);
  });

  it("fails closed when no secret is configured, even for `Bearer undefined`", () => {
    expect(isAuthorizedCronRequest("Bearer undefined", undefined)).toBe(false);
    expect(isAuthorizedCronRequest("Bearer ", "")).toBe(false);
  });
});
