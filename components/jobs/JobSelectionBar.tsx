"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { ApiError } from "@/components/api/client";
import { collectionNameProblem, resolveCollection, type CollectionChoice } from "@/components/collections/collection-choice";
import { CollectionPicker } from "@/components/collections/CollectionPicker";
import { changeMembers } from "@/components/collections/collections-client";
import { useCollections } from "@/components/collections/hooks";
import { membersMessage, sendInChunks } from "@/components/collections/members-change";

type Action = "add" | "remove";

/** What can be done with the selected jobs: add them to a collection, or take them out of one. */
export function JobSelectionBar({ selected, onClear }: { selected: string[]; onClear: () => void }) {
  const collections = useCollections({ once: true });
  const [action, setAction] = useState<Action | null>(null);
  const [choice, setChoice] = useState<CollectionChoice>({ mode: "none" });
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; collectionId?: string } | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const list = collections.data?.collections ?? [];

  const open = (a: Action) => {
    setAction(a);
    setResult(null);
    setNameError(undefined);
    setChoice(list[0] ? { mode: "existing", id: list[0].id } : a === "add" ? { mode: "new", name: "" } : { mode: "none" });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!action || choice.mode === "none") return setResult({ ok: false, text: "Choose a collection." });
    const problem = choice.mode === "new" ? collectionNameProblem(choice.name) : null;
    if (problem) return setNameError(problem);
    setPending(true);
    setResult(null);
    try {
      const id = (await resolveCollection(choice))!;
      const name = choice.mode === "new" ? choice.name.trim() : (list.find((c) => c.id === id)?.name ?? "the collection");
      const total = await sendInChunks(selected, (ids) => changeMembers(id, action === "add" ? { add: ids } : { remove: ids }));
      setResult({ ok: true, text: membersMessage(action, selected.length, total, name), collectionId: id });
      setAction(null);
      onClear();
      void collections.mutate();
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : null;
      if (apiErr?.fields.name) setNameError(apiErr.fields.name);
      setResult({ ok: false, text: apiErr?.message ?? "The change failed. Try again." });
    } finally {
      setPending(false);
    }
  }

  const btn = "rounded-md border px-2.5 py-1 text-xs font-medium disabled:opacity-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600";
  if (selected.length === 0 && !result) return null;
  return (
    <div className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm" data-testid="selection-bar">
      {selected.length > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-800">{selected.length} selected</span>
          <button type="button" onClick={() => open("add")} className={`${btn} border-teal-300 bg-white text-teal-800 hover:bg-teal-50`} aria-expanded={action === "add"}>
            Add to collection…
          </button>
          <button
            type="button"
            onClick={() => open("remove")}
            disabled={list.length === 0}
            className={`${btn} border-slate-300 bg-white text-slate-700 hover:bg-slate-100`}
            aria-expanded={action === "remove"}
          >
            Remove from collection…
          </button>
          <button type="button" onClick={onClear} className={`${btn} border-transparent text-slate-600 hover:underline`}>
            Clear selection
          </button>
        </div>
      )}
      {action && selected.length > 0 && (
        <form onSubmit={submit} className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="sm:w-72">
            <CollectionPicker
              idPrefix={`bulk-${action}`}
              label={action === "add" ? `Add ${selected.length} to` : `Remove ${selected.length} from`}
              collections={list}
              loadFailed={Boolean(collections.error)}
              value={choice}
              allowNew={action === "add"}
              optional={false}
              onChange={(c) => {
                setChoice(c);
                setNameError(undefined);
              }}
              nameError={nameError}
            />
          </div>
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className={`${btn} border-teal-700 bg-teal-700 text-white hover:bg-teal-800`}>
              {pending ? "Saving…" : action === "add" ? "Add" : "Remove"}
            </button>
            <button type="button" onClick={() => setAction(null)} className={`${btn} border-slate-300 bg-white text-slate-700`}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`mt-2 text-sm ${result.ok ? "text-emerald-800" : "text-rose-800"}`} data-testid="selection-result">
          {result.text}{" "}
          {result.ok && result.collectionId && (
            <Link href={`/collections/${result.collectionId}`} className="font-medium underline">
              Open the collection
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
