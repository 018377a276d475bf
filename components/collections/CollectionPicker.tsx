"use client";
import { NAME_MAX, type CollectionChoice } from "./collection-choice";
import type { CollectionDto } from "@/lib/collections/dto";

const NEW = "__new__";
const NONE = "";

/** "Add to collection": none, one of the user's collections, or a new one by name. */
export function CollectionPicker({
  idPrefix,
  collections,
  loadFailed,
  value,
  onChange,
  nameError,
  label = "Add to collection",
  allowNew = true,
  optional = true,
}: {
  idPrefix: string;
  collections: CollectionDto[] | undefined;
  loadFailed: boolean;
  value: CollectionChoice;
  onChange: (choice: CollectionChoice) => void;
  nameError?: string;
  label?: string;
  allowNew?: boolean;
  optional?: boolean;
}) {
  const selected = value.mode === "none" ? NONE : value.mode === "new" ? NEW : value.id;
  return (
    <div className="space-y-2">
      <label htmlFor={`${idPrefix}-collection`} className="block text-sm font-medium text-slate-700">
        {label} <span className="font-normal text-slate-500">{optional ? "(optional)" : ""}</span>
      </label>
      <select
        id={`${idPrefix}-collection`}
        value={selected}
        onChange={(e) => {
          const v = e.target.value;
          onChange(v === NONE ? { mode: "none" } : v === NEW ? { mode: "new", name: "" } : { mode: "existing", id: v });
        }}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        <option value={NONE}>{optional ? "No collection" : "Choose a collection"}</option>
        {collections?.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.jobCount})
          </option>
        ))}
        {allowNew && <option value={NEW}>New collection…</option>}
      </select>
      {loadFailed && <p className="text-xs text-slate-500">Your existing collections could not be loaded; you can still start a new one.</p>}
      {value.mode === "new" && (
        <div>
          <label htmlFor={`${idPrefix}-collection-name`} className="sr-only">New collection name</label>
          <input
            id={`${idPrefix}-collection-name`}
            value={value.name}
            onChange={(e) => onChange({ mode: "new", name: e.target.value })}
            maxLength={NAME_MAX}
            placeholder="e.g. Outbreak week 12"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${idPrefix}-collection-error` : undefined}
            className={`block w-full rounded-md border px-3 py-2 text-sm ${nameError ? "border-rose-400" : "border-slate-300"}`}
          />
          {nameError && <p id={`${idPrefix}-collection-error`} className="mt-1 text-xs text-rose-700">{nameError}</p>}
        </div>
      )}
    </div>
  );
}
