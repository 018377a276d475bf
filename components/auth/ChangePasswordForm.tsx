"use client";
import { useRef, useState } from "react";
import { postJson, toFormFailure, type FormFailure } from "@/components/api/client";
import { Field } from "./Field";
import { FormAlert } from "./FormAlert";
import { SubmitButton } from "./SubmitButton";

export function ChangePasswordForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [done, setDone] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("confirm") ?? "")) {
      return setFailure({ message: "", fields: { confirm: "The two passwords are different." } });
    }
    setPending(true);
    setFailure(null);
    setDone(false);
    const failed = await postJson("/api/auth/change-password", { currentPassword, newPassword }).then(() => null, toFormFailure);
    setPending(false);
    if (failed) return setFailure(failed);
    formRef.current?.reset();
    setDone(true);
  }

  const f = failure?.fields ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      {done && <FormAlert kind="success">Password changed. You stay signed in here; every other session has been signed out.</FormAlert>}
      {failure?.message && !Object.keys(f).length && <FormAlert>{failure.message}</FormAlert>}
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={f.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={12} hint="At least 12 characters." error={f.newPassword ?? f.password} />
      <Field label="Confirm new password" name="confirm" type="password" autoComplete="new-password" required error={f.confirm} />
      <div className="sm:w-56">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Change password
        </SubmitButton>
      </div>
    </form>
  );
}
