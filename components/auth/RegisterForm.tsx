"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson, toFormFailure, type FormFailure } from "@/components/api/client";
import { signInWithPassword } from "./sign-in";
import { Field } from "./Field";
import { FormAlert } from "./FormAlert";
import { SubmitButton } from "./SubmitButton";

export function RegisterForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<FormFailure | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const email = String(form.get("email") ?? "").trim() || undefined;
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) {
      return setFailure({ message: "", fields: { confirm: "The two passwords are different." } });
    }
    setPending(true);
    setFailure(null);
    const failed = await postJson("/api/auth/register", { username, email, password }).then(() => null, toFormFailure);
    if (failed) {
      setFailure(failed.fields && Object.keys(failed.fields).length ? { ...failed, message: "Please fix the highlighted fields." } : failed);
      setPending(false);
      return;
    }
    // The account exists now; sign in with the same credentials so the user lands signed in.
    const signInFailed = await signInWithPassword(username, password);
    if (signInFailed) {
      router.replace("/login?registered=1");
      return;
    }
    router.replace("/dashboard");
    router.refresh();
  }

  const f = failure?.fields ?? {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {failure?.message && <FormAlert>{failure.message}</FormAlert>}
      <Field label="Username" name="username" autoComplete="username" autoFocus required minLength={3} maxLength={32} hint="3–32 letters, digits, dots, underscores or hyphens." error={f.username} />
      <Field label="Email (optional)" name="email" type="email" autoComplete="email" hint="Only used to reset a forgotten password." error={f.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required minLength={12} hint="At least 12 characters. A few unrelated words work well." error={f.password} />
      <Field label="Confirm password" name="confirm" type="password" autoComplete="new-password" required error={f.confirm} />
      <SubmitButton pending={pending} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
