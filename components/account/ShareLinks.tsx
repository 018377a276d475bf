"use client";
import Link from "next/link";
import { useState } from "react";
import { messageOf, postJson } from "@/components/api/client";
import { formatDateTime } from "@/components/jobs/format";
import { useShareLinks } from "@/components/shares/hooks";
import type { ShareLinkDto } from "@/lib/shares/dto";

/** The account page's share links: every active link with what it opens, and revoke. */
export function ShareLinks() {
  const { data, error, mutate } = useShareLinks();
  const [revokeError, setRevokeError] = useState<string | null>(null);
  async function revoke(link: ShareLinkDto) {
    if (!window.confirm(`Revoke the link to “${link.targetName}”? Anyone using it will get “not found”.`)) return;
    setRevokeError(null);
    try {
      await postJson(`/api/share-links/${link.id}`, undefined, "DELETE");
    } catch (err) {
      setRevokeError(`Could not revoke the link to “${link.targetName}”: ${messageOf(err)}`);
    }
    await mutate();
  }
  if (error) return <p role="alert" className="text-sm text-rose-700">Could not load your share links: {error.message}</p>;
  if (!data) return <div className="h-12 animate-pulse rounded bg-slate-100" aria-busy="true" aria-label="Loading share links" />;
  if (data.links.length === 0) return <p className="text-sm text-slate-500">No share links. Create one with “Share…” on a job or a collection.</p>;
  return (
    <>
    {revokeError && <p role="alert" className="mb-2 text-sm text-rose-700">{revokeError}</p>}
    <table className="w-full text-left text-sm" aria-label="Share links">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr><th className="py-2 pr-4 font-medium">Shares</th><th className="py-2 pr-4 font-medium">Created</th><th className="py-2 pr-4 font-medium">Expires</th><th className="py-2" /></tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {data.links.map((l) => (
          <tr key={l.id} data-testid="account-share-row">
            <td className="py-2 pr-4">
              <span className="text-xs text-slate-500">{l.kind === "job" ? "Job" : "Collection"} </span>
              <Link href={l.kind === "job" ? `/jobs/${l.targetId}` : `/collections/${l.targetId}`} className="font-medium text-teal-800 hover:underline">{l.targetName}</Link>
              {l.status === "expired" && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">expired</span>}
              {l.showOwner && <span className="ml-2 text-xs text-slate-500">shows your name</span>}
            </td>
            <td className="py-2 pr-4">{formatDateTime(l.createdAt)}</td>
            <td className="py-2 pr-4">{l.expiresAt ? formatDateTime(l.expiresAt) : "Never"}</td>
            <td className="py-2 text-right">
              <button type="button" onClick={() => void revoke(l)} className="rounded-lg border border-rose-300 px-3 py-1 text-xs font-medium text-rose-700 hover:bg-rose-50">Revoke</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </>
  );
}
