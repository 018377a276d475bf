import { beforeAll, describe, expect, it } from "vitest";
import { POST as register } from "@/app/api/auth/register/route";
import { POST as changePassword } from "@/app/api/auth/change-password/route";
import { POST as signOutEverywhere } from "@/app/api/auth/sign-out-everywhere/route";
import { requireUser } from "@/lib/auth/require-user";
import { resetEnvCache } from "@/lib/env";
import { withAppTestDb } from "../helpers/app-db";
import { signInWithPassword, signOutWith } from "../helpers/auth";

const t = withAppTestDb();
const BASE = "http://localhost:3000";
const ctx = { params: Promise.resolve({}) };
const PASSWORD = "correct horse battery staple";

beforeAll(() => {
  process.env.BCRYPT_COST = "10"; // speed; the cost-12 default is asserted in tests/unit/auth/hashing
  resetEnvCache();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE, ...headers },
    body: JSON.stringify(body),
  });
}

const me = (cookie: string) => requireUser(new Request(`${BASE}/api/x`, { headers: { cookie } }));

describe("POST /api/auth/register", () => {
  it("creates the account: 201 {id, username}", async () => {
    const res = await register(post("/api/auth/register", { username: "Alice.B", email: "Alice@Example.org", password: PASSWORD }), ctx);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), username: "Alice.B" });
    const row = await t.current.db.user.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ username: "Alice.B", usernameKey: "alice.b", email: "alice@example.org", role: "user" });
    expect(row.passwordHash).toMatch(/^\$2b\$10\$/);
  });

  it("400 with a message per field", async () => {
    const res = await register(post("/api/auth/register", { username: "a b", email: "nope", password: "short" }), ctx);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields).sort()).toEqual(["email", "password", "username"]);
  });

  it("409 when the username is taken in any letter case, or the email is", async () => {
    await register(post("/api/auth/register", { username: "bob", email: "bob@example.org", password: PASSWORD }), ctx);
    const again = await register(post("/api/auth/register", { username: "BOB", password: PASSWORD }), ctx);
    expect(again.status).toBe(409);
    expect((await again.json()).error.fields.username).toMatch(/taken/);
    const email = await register(post("/api/auth/register", { username: "bobby", email: "BOB@example.org", password: PASSWORD }), ctx);
    expect(email.status).toBe(409);
  });

  it("refuses the password containing the username, text/plain bodies and foreign origins", async () => {
    const named = await register(post("/api/auth/register", { username: "charlie", password: "charlie-is-my-name-ok" }), ctx);
    expect(named.status).toBe(400);
    const plain = new Request(`${BASE}/api/auth/register`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ username: "dave", password: PASSWORD }),
    });
    expect((await register(plain, ctx)).status).toBe(415);
    const foreign = await register(post("/api/auth/register", { username: "dave", password: PASSWORD }, { origin: "https://evil.example" }), ctx);
    expect(foreign.status).toBe(403);
    expect(await t.current.db.user.count({ where: { usernameKey: "dave" } })).toBe(0);
  });
});

describe("sign in → session → sign out (AS6)", () => {
  it("a captured cookie is refused after sign-out", async () => {
    await register(post("/api/auth/register", { username: "erin", password: PASSWORD }), ctx);
    expect(await signInWithPassword("erin", "wrong password here")).toBeNull();
    const cookie = await signInWithPassword("ERIN", PASSWORD);
    expect(cookie).not.toBeNull();
    await expect(me(cookie!)).resolves.toMatchObject({ username: "erin", role: "user" });
    const row = await t.current.db.user.findUniqueOrThrow({ where: { usernameKey: "erin" } });
    expect(row.lastLogin).toBeInstanceOf(Date);
    await signOutWith(cookie!);
    await expect(me(cookie!)).rejects.toMatchObject({ code: "unauthorized" });
    const fresh = await signInWithPassword("erin", PASSWORD);
    await expect(me(fresh!)).resolves.toMatchObject({ username: "erin" });
  });

  it("a disabled account cannot sign in and its live session ends", async () => {
    await register(post("/api/auth/register", { username: "frank", password: PASSWORD }), ctx);
    const cookie = await signInWithPassword("frank", PASSWORD);
    await t.current.db.user.update({ where: { usernameKey: "frank" }, data: { disabledAt: new Date(), sessionVersion: { increment: 1 } } });
    await expect(me(cookie!)).rejects.toMatchObject({ code: "unauthorized" });
    expect(await signInWithPassword("frank", PASSWORD)).toBeNull();
  });

  it("changing the password keeps this browser signed in and ends the other sessions", async () => {
    await register(post("/api/auth/register", { username: "grace", password: PASSWORD }), ctx);
    const laptop = (await signInWithPassword("grace", PASSWORD))!;
    const phone = (await signInWithPassword("grace", PASSWORD))!;
    const wrong = await changePassword(post("/api/auth/change-password", { currentPassword: "not it at all", newPassword: "a brand new passphrase" }, { cookie: laptop }), ctx);
    expect(wrong.status).toBe(400);
    const res = await changePassword(post("/api/auth/change-password", { currentPassword: PASSWORD, newPassword: "a brand new passphrase" }, { cookie: laptop }), ctx);
    expect(res.status).toBe(204);
    const renewed = res.headers.get("set-cookie")!.split(";")[0];
    await expect(me(renewed)).resolves.toMatchObject({ username: "grace" });
    await expect(me(laptop)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(me(phone)).rejects.toMatchObject({ code: "unauthorized" });
    expect(await signInWithPassword("grace", PASSWORD)).toBeNull();
    expect(await signInWithPassword("grace", "a brand new passphrase")).not.toBeNull();
  });

  it("sign out everywhere ends every session and clears the cookie", async () => {
    await register(post("/api/auth/register", { username: "heidi", password: PASSWORD }), ctx);
    const a = (await signInWithPassword("heidi", PASSWORD))!;
    const b = (await signInWithPassword("heidi", PASSWORD))!;
    const res = await signOutEverywhere(post("/api/auth/sign-out-everywhere", {}, { cookie: a }), ctx);
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    await expect(me(a)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(me(b)).rejects.toMatchObject({ code: "unauthorized" });
  });
});
