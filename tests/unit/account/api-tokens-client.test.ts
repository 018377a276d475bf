import { afterEach, describe, expect, it, vi } from "vitest";
import { revokeToken } from "@/components/account/use-api-tokens";

afterEach(() => vi.unstubAllGlobals());

describe("revokeToken", () => {
  it("answers null once the server has revoked it", async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetch);
    await expect(revokeToken("t1")).resolves.toBeNull();
    expect(fetch.mock.calls[0]).toMatchObject(["/api/tokens/t1", { method: "DELETE" }]);
  });

  it("shows the server's own message, not a bare status", async () => {
    vi.stubGlobal("fetch", async () => Response.json({ error: { code: "forbidden", message: "API tokens are managed from a browser session." } }, { status: 403 }));
    await expect(revokeToken("t1")).resolves.toBe("API tokens are managed from a browser session.");
  });
});
