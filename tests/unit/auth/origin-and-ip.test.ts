import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/http/client-ip";
import { assertSameOrigin } from "@/lib/http/origin";

const url = "http://localhost:3000/api/auth/register";
const req = (method: string, headers: Record<string, string>) => new Request(url, { method, headers });

describe("assertSameOrigin (AS10)", () => {
  it("lets same-origin mutations and header-less clients through", () => {
    expect(() => assertSameOrigin(req("POST", { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }))).not.toThrow();
    expect(() => assertSameOrigin(req("POST", {}))).not.toThrow();
    expect(() => assertSameOrigin(req("DELETE", { origin: "https://app.example", host: "app.example", "x-forwarded-proto": "https" }))).not.toThrow();
  });

  it("refuses a foreign Origin, Origin: null and cross-site or same-site fetches", () => {
    const cases: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "http://localhost:3000.evil.example" },
    ];
    for (const headers of cases) {
      expect(() => assertSameOrigin(req("POST", headers)), JSON.stringify(headers)).toThrow(/Cross-site/);
    }
  });

  it("never blocks safe methods", () => {
    expect(() => assertSameOrigin(req("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).not.toThrow();
  });
});

describe("clientIp", () => {
  it("takes the address the nearest trusted hop saw", () => {
    const h = new Headers({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, 3.3.3.3" });
    expect(clientIp(h, 0)).toBe("3.3.3.3");
    expect(clientIp(h, 1)).toBe("3.3.3.3");
    expect(clientIp(h, 2)).toBe("2.2.2.2");
    expect(clientIp(h, 5)).toBe("1.1.1.1");
    expect(clientIp({ "x-forwarded-for": "9.9.9.9" }, 0)).toBe("9.9.9.9");
    expect(clientIp(new Headers(), 0)).toBe("unknown");
  });
});
