import bcrypt from "bcryptjs";
import { getEnv } from "@/lib/env";

// bcryptjs's async API works in small slices between event-loop turns, so a ~250 ms hash at
// cost 12 delays other requests by a slice, not by the whole hash.

export const DEFAULT_BCRYPT_COST = 12;

export function bcryptCost(): number {
  return getEnv().BCRYPT_COST;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, bcryptCost());
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
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
  dummy ??= bcrypt.hash(crypto.randomUUID(), bcryptCost());
  await bcrypt.compare(password, await dummy);
}
