"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { postJson, toFormFailure, type FormFailure } from "@/components/api/client";
import { Field } from "./Field";
import { FormAlert } from "./FormAlert";
import { SubmitButton } from "./SubmitButton";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<FormFailure | null>(null);

  // Take the secret out of the address bar and history once the page holds it.
  useEffect(() => window.history.replaceState(null, "", "/reset-password"), []);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) {
      return setFailure({ message: "", fields: { confirm: "The two passwords are different." } });
    }
    setPending(true);
    setFailure(null);
    const failed = await postJson("/api/auth/password-reset/confirm", { token, password }).then(() => null, toFormFailure);
    if (failed) {
      setFailure(failed);
      setPending(false);
      return;
    }
    router.replace("/login?reset=1");
  }

  const f = failure?.fields ?? {};
  const tokenProblem = failure && !f.password && !f.confirm;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {failure?.message && tokenProblem && (
        <FormAlert>
          {failure.message}{" "}
          <Link href="/forgot-password" className="font-medium underline">
            Request a new link
          </Link>
        </FormAlert>
      )}
      <Field label="New password" name="password" type="password" autoComplete="new-password" autoFocus required minLength={12} hint="At least 12 characters. A few unrelated words work well." error={f.password} />
      <Field label="Confirm new password" name="confirm" type="password" autoComplete="new-password" required error={f.confirm} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
