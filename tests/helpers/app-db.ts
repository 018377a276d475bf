import { afterEach, beforeEach } from "vitest";
import { overrideAppDb } from "@/lib/db";
import { createTestDb, type TestDb } from "./test-db";

/**
 * For tests that go through route handlers and services using the application's `prisma`:
 * each test gets its own migrated throwaway database as the default client.
 */
export function withAppTestDb(): { readonly current: TestDb } {
  const ref: { current: TestDb } = { current: undefined as unknown as TestDb };
  beforeEach(async () => {
    ref.current = await createTestDb();
    overrideAppDb(ref.current.db);
  });
  afterEach(async () => {
    overrideAppDb(undefined);
    await ref.current.close();
  });
  return ref;
}
