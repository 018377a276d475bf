"use client";
import { useState } from "react";
import { FormAlert } from "@/components/auth/FormAlert";
import type { ApiTokenDto } from "@/lib/api-tokens/dto";
import { CreateTokenForm } from "./CreateTokenForm";
import { revokeToken, useApiTokens } from "./use-api-tokens";

const when = (iso: string | null, none: string) =>
  iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : none;

/** The account page's API token section: create (shown once), list with last use, revoke. */
export function ApiTokens() {
  const { data, error, mutate } = useApiTokens();
  const [revokeError, setRevokeError] = useState<string | null>(null);

  async function revoke(token: ApiTokenDto) {
    if (!window.confirm(`Revoke “${token.name}”? Scripts using it will get 401 at once.`)) return;
    setRevokeError(await revokeToken(token.id));
    await mutate();
  }

  return (
    <div className="space-y-6">
      <CreateTokenForm onCreated={() => void mutate()} />
      {(error || revokeError) && <FormAlert>{revokeError ?? (error as Error).message}</FormAlert>}
      {data && data.length === 0 && <p className="text-sm text-slate-500">No tokens yet.</p>}
      {data && data.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="API tokens">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 pr-4 font-medium">Name</th>
                <th className="py-2 pr-4 font-medium">Token</th>
                <th className="py-2 pr-4 font-medium">Created</th>
                <th className="py-2 pr-4 font-medium">Expires</th>
                <th className="py-2 pr-4 font-medium">Last used</th>
                <th className="py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.map((t) => (
                <tr key={t.id} data-testid="api-token-row">
                  <td className="py-2 pr-4 font-medium">
                    {t.name}
                    {t.status === "expired" && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">expired</span>}
                  </td>
                  <td className="py-2 pr-4 font-mono text-xs text-slate-600">{t.prefix}…</td>
                  <td className="py-2 pr-4">{when(t.createdAt, "—")}</td>
                  <td className="py-2 pr-4">{when(t.expiresAt, "Never")}</td>
                  <td className="py-2 pr-4" data-testid="token-last-used">{when(t.lastUsedAt, "Never")}</td>
                  <td className="py-2 text-right">
                    <button type="button" onClick={() => void revoke(t)} className="rounded-lg border border-rose-300 px-3 py-1 text-xs font-medium text-rose-700 hover:bg-rose-50">
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
