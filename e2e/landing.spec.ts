import { expect, test } from "@playwright/test";

test("the landing page says what the product does and links to accounts", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Antimicrobial resistance");
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
  await expect(page.getByRole("link", { name: "Create account" })).toHaveAttribute("href", "/register");
  await page.screenshot({ path: "test-results/screenshots/landing.png", fullPage: true });
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login/);
});

test("health reports a reachable database, uncached, with security headers", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  expect(res.headers()["cache-control"]).toContain("no-store");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Pages get theirs per request (proxy.ts): same-origin connections only while files are local.
  const login = await request.get("/login");
  const csp = login.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/connect-src 'self';/);
});
