import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const get = (path: string) => proxy(new NextRequest(`http://localhost:3000${path}`));

describe("proxy: share pages are public, collections are not", () => {
  it("lets /s/<token> through without a session, with noindex and no-referrer", async () => {
    const res = await get(`/s/${"A".repeat(43)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("sends signed-out visitors of /collections pages to the login page", async () => {
    for (const path of ["/collections", "/collections/6b0e7d4c-9f1a-4b2e-8c3d-5a6f7e8d9c0b"]) {
      const res = await get(path);
      expect(res.status).toBe(307);
      expect(new URL(res.headers.get("location")!).pathname).toBe("/login");
    }
  });

  it("does not treat other paths under /s as share pages", async () => {
    expect((await get("/s/a/b")).headers.get("x-robots-tag")).toBeNull();
    expect((await get("/dashboard")).status).toBe(307);
  });
});
