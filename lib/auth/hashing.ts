import { getEnv } from "@/lib/env";
import { hashPool } from "./hash-pool";

// Every bcrypt hash and compare runs on the worker threads of lib/auth/hash-pool.ts, never on
// the server's event loop; a full backlog throws the 503 AppError of hashPoolBusyError().

export const DEFAULT_BCRYPT_COST = 12;

export function bcryptCost(): number {
  return getEnv().BCRYPT_COST;
}

export async function hashPassword(password: string): Promise<string> {
  return (await hashPool().run({ op: "hash", password, cost: bcryptCost() })) as string;
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return (await hashPool().run({ op: "compare", password, hash })) as boolean;
}

/** True when a stored hash is weaker than the configured cost (or not bcrypt at all). */
export function needsRehash(hash: string): boolean {
  const rounds = /^\$2[aby]\$(\d{2})\$/.exec(hash)?.[1];
  return rounds === undefined || Number(rounds) < bcryptCost();
}

let dummy: Promise<string> | undefined;

/**
 * Compares against a hash of a random password at the current cost, so a sign-in for an
 * unknown user takes as long as one for a known user with a wrong password.
 */
export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword(crypto.randomUUID());
  // A refused first hash must not stay cached as the dummy forever.
  const hash = await dummy.catch((err: unknown) => {
    dummy = undefined;
    throw err;
  });
  await verifyPassword(password, hash);
}
