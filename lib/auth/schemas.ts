import { z } from "zod";
import { newPasswordSchema } from "./password-policy";
import { usernameSchema } from "./username";

const email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254));

export const registerSchema = z.object({
  username: usernameSchema,
  // Forms send "" for an empty optional field.
  email: z.preprocess((v) => (v === "" || v === null ? undefined : v), email.optional()),
  password: newPasswordSchema,
});
export type RegisterInput = z.infer<typeof registerSchema>;

/** Sign-in input: only shape and size; the policy is for new passwords, not old ones. */
export const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});

export const resetRequestSchema = z.object({ email });

export const resetConfirmSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{22}$/, "This reset link is invalid or has expired."),
  password: newPasswordSchema,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024),
  newPassword: newPasswordSchema,
});
