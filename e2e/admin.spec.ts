import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

test("the first admin, created from the shell, sees live performance metrics", async ({ page, request }) => {
  const username = `admin${Date.now().toString(36)}`;
  const password = "an admin passphrase for e2e 7";
  // The documented way to create the first admin (README), against the e2e server's database.
  execFileSync("node_modules/.bin/tsx", ["scripts/user-create.ts", "--admin", username], {
    env: { ...process.env, DATABASE_FILE: `file:./prisma/e2e-${port}.db`, AMR_USER_PASSWORD: password },
    stdio: "pipe",
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Performance" })).toBeVisible();
  await expect(page.getByTestId("stat-Queue depth")).toHaveText(/^\d+$/);
  await expect(page.getByRole("region", { name: "Jobs by status" }).locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByRole("region", { name: "Database operations" })).toContainText("sql.authState");
  await expect(page.getByRole("region", { name: "Maintenance runs" })).toBeVisible();
  // The server's own worker reports its heartbeat: one alive, with the ResFinder database.
  await expect(page.getByRole("region", { name: "Workers" })).toContainText("1 alive");
  await expect(page.getByTestId("workers")).toContainText("present");
  await page.screenshot({ path: "test-results/screenshots/admin.png", fullPage: true });

  // Account administration: find a new account and disable it.
  const plain = `plain${Date.now().toString(36)}`;
  expect((await request.post("/api/auth/register", { data: { username: plain, password } })).status()).toBe(201);
  await page.reload();
  page.on("dialog", (d) => void d.accept());
  await page.getByLabel("Find accounts").fill(plain);
  const row = page.getByTestId("account-row").filter({ hasText: plain });
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("Disabled");
  await page.screenshot({ path: "test-results/screenshots/admin-accounts.png", fullPage: true });

  // Without a session the same data is refused (401, never a redirect).
  const anonymous = await request.get("/api/admin/metrics", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
});
