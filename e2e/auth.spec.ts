import { existsSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

// Must match MAIL_CAPTURE_FILE in playwright.config.ts (the server appends each mail as JSON).
const MAIL_FILE = "data/e2e/mail.jsonl";
const shots = "test-results/screenshots";
const PASSWORD = "violet kettle orbit mango";

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function fillRegister(page: Page, username: string, email: string, password: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email (optional)").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

function lastMailTo(address: string): { to: string; text: string } | undefined {
  if (!existsSync(MAIL_FILE)) return undefined;
  const mails = readFileSync(MAIL_FILE, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as { to: string; text: string });
  return mails.filter((m) => m.to === address).at(-1);
}

test("register, reach the dashboard, sign out; protected pages then redirect to sign-in", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const username = unique("ada");

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);

  await page.goto("/register");
  await fillRegister(page, username, `${username}@example.org`, "password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is too common")).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: `${shots}/register-error.png`, fullPage: true });

  await fillRegister(page, username, `${username}@example.org`, PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(username);

  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
  await expect(page.getByText(`${username}@example.org`)).toBeVisible();
  await page.screenshot({ path: `${shots}/account.png`, fullPage: true });

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  for (const path of ["/dashboard", "/account"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(path)}`));
  }

  await signIn(page, username, "not the right password");
  await expect(page.getByText("That username and password don't match an account.")).toBeVisible();
  await page.screenshot({ path: `${shots}/login-error.png`, fullPage: true });
  await signIn(page, username.toUpperCase(), PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
});

test("the session cookie is HttpOnly and SameSite=Lax, and a replayed cookie fails after sign-out", async ({ page, context, request }) => {
  const username = unique("cookie");
  expect((await request.post("/api/auth/register", { data: { username, password: PASSWORD } })).status()).toBe(201);
  await page.goto("/login");
  await signIn(page, username, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const session = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

  const replay = { headers: { cookie: `next-auth.session-token=${session!.value}` } };
  expect((await request.get("/api/jobs", replay)).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await request.get("/api/jobs", replay)).status()).toBe(401);
});

test("forgot password → reset through the mailed link → sign in with the new password", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const username = unique("grace");
  const email = `${username}@example.org`;
  expect((await request.post("/api/auth/register", { data: { username, email, password: PASSWORD } })).status()).toBe(201);

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("we have sent it a link");
  await page.screenshot({ path: `${shots}/forgot-sent.png`, fullPage: true });

  await expect.poll(() => lastMailTo(email)?.text ?? "").toContain("/reset-password?token=");
  const link = lastMailTo(email)!.text.match(/http\S+/)![0];
  const response = await page.goto(link);
  expect(response!.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page).toHaveURL(/\/reset-password$/); // the token leaves the address bar
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Confirm new password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByLabel("New password", { exact: true })).toHaveAccessibleDescription("Use at least 12 characters.");
  await page.screenshot({ path: `${shots}/reset-error.png`, fullPage: true });
  const fresh = "amber lantern quiet river";
  await page.getByLabel("New password", { exact: true }).fill(fresh);
  await page.getByLabel("Confirm new password").fill(fresh);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await expect(page.getByRole("status")).toContainText("Your password has been changed");

  await signIn(page, username, PASSWORD);
  await expect(page.getByText("That username and password don't match an account.")).toBeVisible();
  await signIn(page, username, fresh);
  await expect(page).toHaveURL(/\/dashboard$/);

  // The link was single use.
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("another quiet river lamp");
  await page.getByLabel("Confirm new password").fill("another quiet river lamp");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText(/invalid, expired or already used/)).toBeVisible();
});

test("signed-out pages look finished", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const [path, name] of [["/login", "login"], ["/register", "register"], ["/forgot-password", "forgot"]] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  }
});
