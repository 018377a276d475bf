import { COMMON_PASSWORDS_TEXT } from "./common-passwords-data";

let set: Set<string> | undefined;

/**
 * True for a password from the common list, also when it is one of them plus trailing digits or
 * symbols ("password12345!") or one of them repeated ("monkeymonkey"), which the length rule
 * alone would let through.
 */
export function isCommonPassword(password: string): boolean {
  set ??= new Set(COMMON_PASSWORDS_TEXT.split("\n"));
  const lower = password.toLowerCase();
  if (set.has(lower)) return true;
  const stem = lower.replace(/[\d\W_]+$/u, "");
  if (stem.length >= 4 && set.has(stem)) return true;
  const half = lower.length / 2;
  return Number.isInteger(half) && lower.slice(0, half) === lower.slice(half) && set.has(lower.slice(0, half));
}
