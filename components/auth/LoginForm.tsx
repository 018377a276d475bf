"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FormFailure } from "@/components/api/client";
import { safeCallbackUrl, signInWithPassword } from "./sign-in";
import { Field } from "./Field";
import { FormAlert } from "./FormAlert";
import { SubmitButton } from "./SubmitButton";

export function LoginForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<FormFailure | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const fields: Record<string, string> = {};
    if (!username) fields.username = "Enter your username.";
    if (!password) fields.password = "Enter your password.";
    if (Object.keys(fields).length) return setFailure({ message: "", fields });
    setPending(true);
    setFailure(null);
    const result = await signInWithPassword(username, password);
    if (result) {
      setFailure(result);
      setPending(false);
      return;
    }
    router.replace(safeCallbackUrl(callbackUrl));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {notice && !failure?.message && <FormAlert kind="success">{notice}</FormAlert>}
      {failure?.message && <FormAlert>{failure.message}</FormAlert>}
      <Field label="Username" name="username" autoComplete="username" autoFocus required error={failure?.fields.username} />
      <div>
        <Field label="Password" name="password" type="password" autoComplete="current-password" required error={failure?.fields.password} />
        <p className="mt-2 text-right text-sm">
          <Link href="/forgot-password" className="font-medium text-teal-700 hover:text-teal-900 hover:underline">
            Forgot your password?
          </Link>
        </p>
      </div>
      <SubmitButton pending={pending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
