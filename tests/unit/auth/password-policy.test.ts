import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS_TEXT } from "@/lib/auth/common-passwords-data";
import { passwordProblem, utf8Length } from "@/lib/auth/password-policy";
import { registerSchema } from "@/lib/auth/schemas";
import { usernameKey, usernameSchema } from "@/lib/auth/username";

describe("password policy (AS2)", () => {
  it("accepts 12+ characters that are not common", () => {
    expect(passwordProblem("violet kettle orbit")).toBeNull();
    expect(passwordProblem("Zx9!qT4#mW2&")).toBeNull();
  });

  it("refuses fewer than 12 characters, counting an emoji as one", () => {
    expect(passwordProblem("Zx9!qT4#mW2")).toMatch(/at least 12/);
    expect(passwordProblem("🦠🦠🦠🧬🧬🧬abcde")).toMatch(/at least 12/); // 11 characters, 29 bytes
  });

  it("accepts 64 characters with emoji while within 72 bytes", () => {
    const pw = "🧬" + "kettle orbit mango violet ".repeat(3).slice(0, 63);
    expect([...pw]).toHaveLength(64);
    expect(utf8Length(pw)).toBeLessThanOrEqual(72);
    expect(passwordProblem(pw)).toBeNull();
  });

  it("refuses more than 72 UTF-8 bytes with a message instead of truncating", () => {
    const pw = "🧬".repeat(19); // 19 characters, 76 bytes
    expect(utf8Length(pw)).toBe(76);
    expect(passwordProblem(pw)).toMatch(/at most 72 bytes/);
    expect(passwordProblem("a-fine-passphrase-".repeat(4) + "x")).toMatch(/at most 72 bytes/);
    expect(passwordProblem("q".repeat(72).replace(/q/g, (_, i: number) => String.fromCharCode(97 + (i % 26))))).toBeNull();
  });

  it("refuses every one of the 3000 most common passwords", () => {
    const top = COMMON_PASSWORDS_TEXT.split("\n").slice(0, 3000);
    const accepted = top.filter((pw) => passwordProblem(pw) === null);
    expect(accepted).toEqual([]);
  });

  it("refuses long common passwords and common ones padded with digits, symbols or repeats", () => {
    for (const pw of ["qazwsxedcrfv", "1qaz2wsx3edc", "Password12345!", "monkey!!!!!!!!", "dragondragon", "sunshine2024!!"]) {
      expect(passwordProblem(pw), pw).toMatch(/too common/);
    }
  });

  it("refuses one repeated character and the username inside the password", () => {
    expect(passwordProblem("aaaaaaaaaaaaaaaa")).toMatch(/repeated/);
    expect(passwordProblem("my name is Alice.B ok", "alice.b")).toMatch(/username/);
  });
});

describe("usernames", () => {
  it("take 3 to 32 letters, digits, dots, underscores and hyphens", () => {
    for (const ok of ["bob", "Alice.B", "lab_user-01", "x".repeat(32)]) expect(usernameSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["ab", "x".repeat(33), "a b", "ålice", "bob!", "a/b"]) expect(usernameSchema.safeParse(bad).success, bad).toBe(false);
  });

  it("compare case-insensitively through the key", () => {
    expect(usernameKey(" Alice.B ")).toBe("alice.b");
  });

  it("registration turns an empty email into none and lower-cases a given one", () => {
    const base = { username: "bob", password: "violet kettle orbit" };
    expect(registerSchema.parse({ ...base, email: "" }).email).toBeUndefined();
    expect(registerSchema.parse({ ...base, email: " Bob@Example.ORG " }).email).toBe("bob@example.org");
  });
});
