import { afterEach, describe, expect, it } from "vitest";
import { cookieOptions, sessionCookieName } from "@/lib/auth/session-config";
import { sessionSetCookie } from "@/lib/auth/session-cookie";
import { sessionTokenFromCookieHeader } from "@/lib/auth/session-token";
import { parseEnv, resetEnvCache } from "@/lib/env";

const original = process.env.NEXTAUTH_URL;
afterEach(() => {
  process.env.NEXTAUTH_URL = original;
  resetEnvCache();
});

describe("session cookies (AS9)", () => {
  it("use __Host- names, Secure, HttpOnly and SameSite=Lax on https", () => {
    process.env.NEXTAUTH_URL = "https://amr.example.org";
    resetEnvCache();
    const opts = cookieOptions();
    for (const c of Object.values(opts)) {
      expect(c.name.startsWith("__Host-")).toBe(true);
      expect(c.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
    }
    const set = sessionSetCookie("abc", 60);
    expect(set).toMatch(/^__Host-next-auth\.session-token=abc; Path=\/;/);
    expect(set).toContain("HttpOnly");
    expect(set).toContain("SameSite=Lax");
    expect(set).toContain("Secure");
    expect(set).not.toContain("Domain");
  });

  it("use plain names without Secure on http://localhost", () => {
    process.env.NEXTAUTH_URL = "http://localhost:3100";
    resetEnvCache();
    expect(sessionCookieName()).toBe("next-auth.session-token");
    expect(sessionSetCookie("abc", 60)).not.toContain("Secure");
  });

  it("reads the token whole or from NextAuth's chunks", () => {
    const n = "next-auth.session-token";
    expect(sessionTokenFromCookieHeader(`a=1; ${n}=tok; b=2`, n)).toBe("tok");
    expect(sessionTokenFromCookieHeader(`${n}.1=def; ${n}.0=abc`, n)).toBe("abcdef");
    expect(sessionTokenFromCookieHeader(`x${n}=tok`, n)).toBeNull();
    expect(sessionTokenFromCookieHeader(null, n)).toBeNull();
  });

  it("a production server without NEXTAUTH_SECRET refuses to start (AS8)", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET/);
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET/);
  });
});
