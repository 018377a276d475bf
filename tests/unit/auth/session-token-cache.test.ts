import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authSecret } from "@/lib/auth/session-config";
import { readSessionToken } from "@/lib/auth/session-token";

const now = () => Math.floor(Date.now() / 1000);

async function token(opts: { maxAge: number; authTime?: number }) {
  return encode({ token: { sub: `u-${Math.random()}`, sv: 0, authTime: opts.authTime ?? now() }, secret: authSecret(), maxAge: opts.maxAge });
}

describe("readSessionToken with its decode cache", () => {
  it("still refuses a remembered token once it expires", async () => {
    const t = await token({ maxAge: 60 });
    expect(await readSessionToken(t)).not.toBeNull(); // decoded and remembered
    expect(await readSessionToken(t, now() + 30)).not.toBeNull(); // served from memory
    expect(await readSessionToken(t, now() + 61)).toBeNull(); // past exp
  });

  it("still applies the absolute lifetime to a remembered token", async () => {
    const t = await token({ maxAge: 3600, authTime: now() - 12 * 3600 + 5 });
    expect(await readSessionToken(t)).not.toBeNull();
    expect(await readSessionToken(t, now() + 10)).toBeNull();
  });

  it("never remembers a token it could not verify", async () => {
    const t = await token({ maxAge: 60 });
    const tampered = t.slice(0, -4) + (t.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await readSessionToken(tampered)).toBeNull();
    expect(await readSessionToken(tampered)).toBeNull();
    const foreign = await encode({ token: { sub: "x", sv: 0, authTime: now() }, secret: "another-secret-another-secret-0000", maxAge: 60 });
    expect(await readSessionToken(foreign)).toBeNull();
  });
});
