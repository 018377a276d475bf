"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { ApiError, postJson } from "@/components/api/client";
import { formatDateTime } from "@/components/jobs/format";
import { useCollections, type CollectionDto } from "./hooks";

/** /collections: the user's collections with their sizes; create, rename, delete. */
export function CollectionsView() {
  const { data, error, mutate } = useCollections();
  const [name, setName] = useState("");
  const [formError, setFormError] = useState<string | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    try {
      await postJson("/api/collections", { name });
      setName("");
      await mutate();
    } catch (err) {
      setFormError(err instanceof ApiError ? (err.fields?.name ?? err.message) : "Could not create the collection.");
    }
  }

  return (
    <div className="space-y-6">
      <form onSubmit={create} className="flex flex-wrap items-start gap-2 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <div className="min-w-64 flex-1">
          <label htmlFor="new-collection" className="text-sm font-medium">New collection</label>
          <input id="new-collection" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} placeholder="e.g. Outbreak ward 7" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm" aria-invalid={Boolean(formError)} aria-describedby={formError ? "new-collection-error" : undefined} />
          {formError && <p id="new-collection-error" role="alert" className="mt-1 text-sm text-rose-700">{formError}</p>}
        </div>
        <button type="submit" disabled={!name.trim()} className="mt-6 rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800 disabled:opacity-50">Create</button>
      </form>
      {error && <p role="alert" className="rounded-xl bg-rose-50 p-4 text-sm text-rose-800">Could not load your collections: {error.message}</p>}
      {!data && !error && <div className="h-24 animate-pulse rounded-xl bg-slate-100" aria-busy="true" aria-label="Loading collections" />}
      {data && data.collections.length === 0 && (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600" data-testid="collections-empty">
          No collections yet. A collection groups genomes — an outbreak, a surveillance week, a sequencing run — into one resistance matrix you can download and share.
        </p>
      )}
      {data && data.collections.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
          {data.collections.map((c) => <CollectionItem key={c.id} collection={c} onChanged={() => void mutate()} />)}
        </ul>
      )}
    </div>
  );
}

function CollectionItem({ collection: c, onChanged }: { collection: CollectionDto; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(c.name);
  const [err, setErr] = useState<string | null>(null);

  async function rename(e: FormEvent) {
    e.preventDefault();
    try {
      await postJson(`/api/collections/${c.id}`, { name }, "PATCH");
      setEditing(false);
      setErr(null);
      onChanged();
    } catch (error) {
      setErr(error instanceof ApiError ? (error.fields?.name ?? error.message) : "Could not rename.");
    }
  }
  async function remove() {
    if (!window.confirm(`Delete the collection “${c.name}”? Its ${c.jobCount} jobs are kept; its share links stop working.`)) return;
    try {
      await postJson(`/api/collections/${c.id}`, undefined, "DELETE");
      onChanged();
    } catch (error) {
      setErr(error instanceof Error ? error.message : "Could not delete.");
    }
  }

  return (
    <li className="flex flex-wrap items-center justify-between gap-3 p-4" data-testid="collection-item">
      {editing ? (
        <form onSubmit={rename} className="flex flex-1 flex-wrap items-center gap-2">
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} aria-label="Collection name" className="min-w-48 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm" autoFocus />
          <button type="submit" className="rounded-md bg-teal-700 px-3 py-1 text-sm text-white">Save</button>
          <button type="button" onClick={() => { setEditing(false); setName(c.name); setErr(null); }} className="text-sm text-slate-600 hover:underline">Cancel</button>
        </form>
      ) : (
        <div className="min-w-0">
          <Link href={`/collections/${c.id}`} className="font-medium text-teal-800 hover:underline">{c.name}</Link>
          <p className="text-xs text-slate-500">{c.jobCount} genome{c.jobCount === 1 ? "" : "s"} · created {formatDateTime(c.createdAt)}</p>
        </div>
      )}
      {!editing && (
        <div className="flex gap-2">
          <button type="button" onClick={() => setEditing(true)} className="rounded-md border border-slate-300 px-3 py-1 text-xs font-medium hover:bg-slate-50">Rename</button>
          <button type="button" onClick={() => void remove()} className="rounded-md border border-rose-300 px-3 py-1 text-xs font-medium text-rose-700 hover:bg-rose-50">Delete</button>
        </div>
      )}
      {err && <p role="alert" className="w-full text-sm text-rose-700">{err}</p>}
    </li>
  );
}
