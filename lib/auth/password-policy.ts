import { z } from "zod";
import { isCommonPassword } from "./common-passwords";

export const PASSWORD_MIN_CHARS = 12;
// bcrypt only reads 72 bytes; longer passwords are refused rather than silently truncated.
export const PASSWORD_MAX_BYTES = 72;

const encoder = new TextEncoder();

export function utf8Length(value: string): number {
  return encoder.encode(value).length;
}

/** The first rule a password breaks, as a sentence for the form, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
  // Count code points, so an emoji is one character as a person counts it.
  if ([...password].length < PASSWORD_MIN_CHARS) return `Use at least ${PASSWORD_MIN_CHARS} characters.`;
  if (utf8Length(password) > PASSWORD_MAX_BYTES) {
    return `Use at most ${PASSWORD_MAX_BYTES} bytes (about ${PASSWORD_MAX_BYTES} letters, fewer with accents or emoji).`;
  }
  if (/^(.)\1*$/u.test(password)) return "Use more than one repeated character.";
  if (username && password.toLowerCase().includes(username.toLowerCase())) return "Don't include your username.";
  if (isCommonPassword(password)) return "This password is too common. Choose something harder to guess.";
  return null;
}

/** A new password (registration, reset, change); the username check happens in the service. */
export const newPasswordSchema = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
