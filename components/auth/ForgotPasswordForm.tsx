"use client";
import { useState } from "react";
import { postJson, toFormFailure, type FormFailure } from "@/components/api/client";
import { Field } from "./Field";
import { FormAlert } from "./FormAlert";
import { SubmitButton } from "./SubmitButton";

export function ForgotPasswordForm() {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get("email") ?? "").trim();
    if (!email) return setFailure({ message: "", fields: { email: "Enter the email address of your account." } });
    setPending(true);
    setFailure(null);
    const failed = await postJson("/api/auth/password-reset", { email }).then(() => null, toFormFailure);
    setPending(false);
    if (failed) return setFailure(failed);
    setSentTo(email);
  }

  if (sentTo) {
    return (
      <FormAlert kind="success">
        If an account uses <strong>{sentTo}</strong>, we have sent it a link to choose a new password. The link works once and
        expires soon. Nothing arrived? Check your spam folder, or ask again in a few minutes.
      </FormAlert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {failure?.message && <FormAlert>{failure.message}</FormAlert>}
      <Field label="Email" name="email" type="email" autoComplete="email" autoFocus required error={failure?.fields.email} />
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send reset link
      </SubmitButton>
    </form>
  );
}
