import { expect, type APIRequestContext, type Page } from "@playwright/test";

let seq = 0;

/** A fresh account (through the real register API), signed in through the real form. */
export async function registerAndSignIn(page: Page, request: APIRequestContext, prefix = "e2e") {
  seq += 1;
  const username = `${prefix}${Date.now().toString(36)}${seq}`;
  const password = "correct horse battery staple 42";
  const res = await request.post("/api/auth/register", { data: { username, password } });
  expect(res.status(), await res.text()).toBe(201);
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  return { username, password };
}

/** A random genome of `bases` bases as FASTA text (seeded, so runs are repeatable). */
export function randomFasta(bases: number, contigs = 1, seed = 7): string {
  let x = seed;
  const per = Math.ceil(bases / contigs);
  const out: string[] = [];
  for (let c = 0; c < contigs; c++) {
    out.push(`>contig_${c + 1}`);
    let line = "";
    for (let i = 0; i < per; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      line += "ACGT"[(x >>> 0) & 3];
      if (line.length === 80) {
        out.push(line);
        line = "";
      }
    }
    if (line) out.push(line);
  }
  return out.join("\n") + "\n";
}
