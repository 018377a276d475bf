import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as requestReset } from "@/app/api/auth/password-reset/route";
import { POST as confirmReset } from "@/app/api/auth/password-reset/confirm/route";
import { hashResetToken } from "@/lib/auth/reset-token";
import { createUser } from "@/lib/auth/users";
import { resetEnvCache } from "@/lib/env";
import { settleAfterResponse } from "@/lib/http/after-response";
import { setMailTransport, type MailMessage } from "@/lib/mail/transport";
import { withAppTestDb } from "../helpers/app-db";
import { signInWithPassword } from "../helpers/auth";

const t = withAppTestDb();
const BASE = "http://localhost:3000";
const ctx = { params: Promise.resolve({}) };
const OLD = "correct horse battery staple";
const NEW = "violet kettle orbit mango";
let outbox: MailMessage[] = [];

beforeAll(() => {
  process.env.BCRYPT_COST = "10";
  resetEnvCache();
});
beforeEach(async () => {
  outbox = [];
  setMailTransport(async (m) => void outbox.push(m));
  await createUser(t.current.db, { username: "ivan", email: "ivan@example.org", password: OLD });
});
afterEach(() => {
  setMailTransport(undefined);
  vi.useRealTimers();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** Requests a reset and returns the token from the captured mail's link. */
async function mailedToken(email = "ivan@example.org", headers: Record<string, string> = {}): Promise<string> {
  const res = await requestReset(post("/api/auth/password-reset", { email }, headers), ctx);
  expect(res.status).toBe(202);
  await settleAfterResponse();
  const link = outbox.at(-1)?.text.match(/https?:\/\/\S+/)?.[0];
  expect(link).toBeDefined();
  return new URL(link!).searchParams.get("token")!;
}

const confirm = (token: string, password = NEW) => confirmReset(post("/api/auth/password-reset/confirm", { token, password }), ctx);

describe("password reset (AS5)", () => {
  it("works end to end once, and ends the sessions from before", async () => {
    const before = (await signInWithPassword("ivan", OLD))!;
    const token = await mailedToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const stored = await t.current.db.passwordResetToken.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toBe(hashResetToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    expect((await confirm(token)).status).toBe(204);
    expect(await signInWithPassword("ivan", OLD)).toBeNull();
    expect(await signInWithPassword("ivan", NEW)).not.toBeNull();
    const { requireUser } = await import("@/lib/auth/require-user");
    await expect(requireUser(new Request(BASE, { headers: { cookie: before } }))).rejects.toMatchObject({ code: "unauthorized" });

    const second = await confirm(token, "yet another fine passphrase");
    expect(second.status).toBe(400);
    expect((await second.json()).error.message).toMatch(/invalid, expired or already used/);
  });

  it("expires after the TTL (30 minutes by default)", async () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const token = await mailedToken();
    vi.setSystemTime(start + 30 * 60_000 + 1000);
    expect((await confirm(token)).status).toBe(400);
    expect(await signInWithPassword("ivan", OLD)).not.toBeNull();
  });

  it("a newer request voids the earlier link", async () => {
    const first = await mailedToken();
    const second = await mailedToken();
    expect((await confirm(first)).status).toBe(400);
    expect((await confirm(second)).status).toBe(204);
  });

  it("rejects a weak new password without using up the token", async () => {
    const token = await mailedToken();
    const weak = await confirm(token, "password1234");
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.fields.password).toMatch(/too common/);
    expect((await confirm(token)).status).toBe(204);
  });

  it("builds the link from NEXTAUTH_URL, ignoring a forged Host", async () => {
    await mailedToken("ivan@example.org", { host: "evil.example", "x-forwarded-host": "evil.example" });
    expect(outbox.at(-1)!.text).toContain(`${process.env.NEXTAUTH_URL}/reset-password?token=`);
    expect(outbox.at(-1)!.text).not.toContain("evil.example");
  });

  it("answers 400 for a malformed or unknown token", async () => {
    expect((await confirm("short")).status).toBe(400);
    expect((await confirm("A".repeat(22))).status).toBe(400);
  });
});

describe("enumeration (AS4)", () => {
  it("same status and body for a known and an unknown address, and only the known one gets mail", async () => {
    const known = await requestReset(post("/api/auth/password-reset", { email: "ivan@example.org" }), ctx);
    const unknown = await requestReset(post("/api/auth/password-reset", { email: "nobody@example.org" }), ctx);
    expect(unknown.status).toBe(known.status);
    expect(await unknown.text()).toBe(await known.text());
    await settleAfterResponse();
    expect(outbox.map((m) => m.to)).toEqual(["ivan@example.org"]);
  });
});
