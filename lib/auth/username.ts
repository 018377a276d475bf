import { z } from "zod";

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(32, "Use at most 32 characters.")
  .regex(/^[A-Za-z0-9._-]+$/, "Use only letters, digits, dots, underscores and hyphens.");

/** The case-insensitive identity of a username; stored in users.username_key (unique). */
export function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}
