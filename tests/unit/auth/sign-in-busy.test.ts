import { describe, expect, it, vi } from "vitest";
import { HASH_BUSY_MESSAGE } from "@/lib/auth/hash-pool";
import { busyAsUnavailable, SIGN_IN_BUSY } from "@/lib/auth/sign-in-busy";

/** NextAuth's JSON answer to a credentials POST whose authorize() threw or returned null. */
const nextAuthError = (error: string) =>
  Response.json({ url: `http://localhost:3000/login?error=${encodeURIComponent(error)}` }, { status: 401 });

describe("sign-in refused while the hashing threads are saturated", () => {
  it("turns NextAuth's busy error into the 503 with Retry-After", async () => {
    const res = await busyAsUnavailable(nextAuthError(SIGN_IN_BUSY));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await res.json()).error).toEqual({ code: "unavailable", message: HASH_BUSY_MESSAGE });
  });

  it("leaves a wrong password and a success as NextAuth answered them", async () => {
    const wrong = nextAuthError("CredentialsSignin");
    expect(await busyAsUnavailable(wrong)).toBe(wrong);
    const ok = Response.json({ url: "http://localhost:3000/dashboard" });
    expect(await busyAsUnavailable(ok)).toBe(ok);
  });
});

describe("the sign-in form's request", () => {
  it("shows the server's busy message on a 503, not the wrong-password one", async () => {
    const { toErrorResponse } = await import("@/lib/errors");
    const { hashPoolBusyError } = await import("@/lib/auth/hash-pool");
    const { signInWithPassword } = await import("@/components/auth/sign-in");
    const answers = [Response.json({ csrfToken: "t" }), toErrorResponse(hashPoolBusyError())];
    const fetchMock = vi.fn(async () => answers.shift()!);
    vi.stubGlobal("fetch", fetchMock);
    try {
      expect(await signInWithPassword("judy", "correct horse battery staple")).toEqual({ message: HASH_BUSY_MESSAGE, fields: {} });
      expect(fetchMock).toHaveBeenCalledTimes(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
