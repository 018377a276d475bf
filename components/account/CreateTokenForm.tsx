"use client";
import { useState } from "react";
import { postJson, toFormFailure, type FormFailure } from "@/components/api/client";
import { Field } from "@/components/auth/Field";
import { FormAlert } from "@/components/auth/FormAlert";
import type { ApiTokenDto } from "@/lib/api-tokens/dto";

const EXPIRY_CHOICES = [
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
  { label: "Never", days: null },
] as const;

/** Creates a token and shows its secret once; the server keeps only a hash, so it cannot be shown again. */
export function CreateTokenForm({ onCreated }: { onCreated: () => void }) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [created, setCreated] = useState<{ token: ApiTokenDto; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const days = String(data.get("expiry") ?? "");
    setPending(true);
    setFailure(null);
    try {
      const name = String(data.get("name") ?? "");
      setCreated(await postJson<{ token: ApiTokenDto; secret: string }>("/api/tokens", { name, expiresInDays: days ? Number(days) : null }));
      setCopied(false);
      form.reset();
      onCreated();
    } catch (err) {
      setFailure(toFormFailure(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      {created && (
        <div role="status" className="space-y-2 rounded-lg border border-teal-200 bg-teal-50 p-4 text-sm">
          <p className="font-medium text-teal-900">Token “{created.token.name}” created. Copy it now: it will not be shown again.</p>
          <div className="flex items-center gap-2">
            <code data-testid="new-token" className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">
              {created.secret}
            </code>
            <button
              type="button"
              onClick={() => void navigator.clipboard?.writeText(created.secret).then(() => setCopied(true))}
              className="rounded-lg border border-teal-300 bg-white px-3 py-1 text-xs font-medium text-teal-800 hover:bg-teal-100"
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(e.currentTarget);
        }}
        className="grid gap-4 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
        noValidate
      >
        {failure && !failure.fields.name && !failure.fields.expiresInDays && <div className="sm:col-span-3"><FormAlert>{failure.message}</FormAlert></div>}
        <Field label="Token name" name="name" required maxLength={100} placeholder="e.g. cluster pipeline" error={failure?.fields.name} />
        <div className="space-y-1.5">
          <label htmlFor="token-expiry" className="block text-sm font-medium text-slate-800">Expires after</label>
          <select id="token-expiry" name="expiry" defaultValue="90" className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm">
            {EXPIRY_CHOICES.map((c) => (
              <option key={c.label} value={c.days ?? ""}>{c.label}</option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending}
          className="rounded-lg bg-teal-700 px-4 py-2 text-sm font-medium text-white shadow-sm transition hover:bg-teal-800 disabled:cursor-wait disabled:opacity-70"
        >
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
    </div>
  );
}
