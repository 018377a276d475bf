"use client";
import { useState } from "react";
import { ApiError, postJson } from "@/components/api/client";
import { formatDateTime } from "@/components/jobs/format";
import type { ShareLinkDto } from "@/lib/shares/dto";
import { useShareLinks, type ShareTargetRef } from "./hooks";

const EXPIRY = [
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 0, label: "Never" },
];

/** "Share…": create a read-only link to this job or collection (shown once), see and revoke its links. */
export function ShareButton({ target }: { target: ShareTargetRef }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
        Share…
      </button>
      {open && <SharePanel target={target} onClose={() => setOpen(false)} />}
    </div>
  );
}

function SharePanel({ target, onClose }: { target: ShareTargetRef; onClose: () => void }) {
  const { data, mutate } = useShareLinks(target);
  const [days, setDays] = useState(30);
  const [showOwner, setShowOwner] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function create() {
    setError(null);
    try {
      const res = await postJson<{ path: string }>("/api/share-links", { ...target, expiresInDays: days || null, showOwner });
      setCreated(`${window.location.origin}${res!.path}`);
      setCopied(false);
      await mutate();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Could not create the link.");
    }
  }
  async function revoke(link: ShareLinkDto) {
    try {
      await postJson(`/api/share-links/${link.id}`, undefined, "DELETE");
      await mutate();
    } catch (err) {
      setError(err instanceof Error ? err.message : "Could not revoke the link.");
    }
  }

  return (
    <div role="dialog" aria-label="Share" className="absolute right-0 z-30 mt-2 w-96 max-w-[90vw] space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-lg">
      <p className="text-slate-600">Anyone with the link can see these results and download them, without an account. They cannot change anything or see your other jobs.</p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-1.5">
          Expires after
          <select value={days} onChange={(e) => setDays(Number(e.target.value))} className="rounded-md border border-slate-300 px-2 py-1">
            {EXPIRY.map((e) => <option key={e.days} value={e.days}>{e.label}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={showOwner} onChange={(e) => setShowOwner(e.target.checked)} />
          Show my name
        </label>
      </div>
      <div className="flex gap-2">
        <button type="button" onClick={() => void create()} className="rounded-md bg-teal-700 px-3 py-1.5 font-medium text-white hover:bg-teal-800">Create link</button>
        <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100">Close</button>
      </div>
      {error && <p role="alert" className="text-rose-700">{error}</p>}
      {created && (
        <div className="space-y-1 rounded-lg bg-teal-50 p-3">
          <p className="font-medium text-teal-900">Copy the link now: it is shown only once.</p>
          <div className="flex gap-2">
            <input readOnly value={created} aria-label="Share link" data-testid="share-url" className="min-w-0 flex-1 rounded border border-teal-200 bg-white px-2 py-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" onClick={() => void navigator.clipboard?.writeText(created).then(() => setCopied(true))} className="rounded border border-teal-300 px-2 text-xs">{copied ? "Copied" : "Copy"}</button>
          </div>
        </div>
      )}
      {data && data.links.length > 0 && (
        <div>
          <p className="font-medium">Active links</p>
          <ul className="mt-1 divide-y divide-slate-100">
            {data.links.map((l) => (
              <li key={l.id} className="flex items-center justify-between gap-2 py-1.5" data-testid="share-link-row">
                <span className="text-xs text-slate-600">
                  Created {formatDateTime(l.createdAt)} · {l.expiresAt ? `expires ${formatDateTime(l.expiresAt)}` : "no expiry"}
                  {l.status === "expired" && " · expired"}{l.showOwner && " · shows your name"}
                </span>
                <button type="button" onClick={() => void revoke(l)} className="rounded border border-rose-300 px-2 py-0.5 text-xs text-rose-700 hover:bg-rose-50">Revoke</button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
