"use client";
import { useState, type FormEvent } from "react";
import { ApiError } from "@/components/api/client";
import { collectionNameProblem, resolveCollection, type CollectionChoice } from "@/components/collections/collection-choice";
import { CollectionPicker } from "@/components/collections/CollectionPicker";
import { useCollections } from "@/components/collections/hooks";
import { skippedNote } from "@/components/uploads/genome-files";
import { DropZone, type Selection } from "@/components/uploads/DropZone";
import { UploadQueueList } from "@/components/uploads/UploadQueueList";
import { useUploadQueue } from "@/components/uploads/use-upload-queue";
import { useModels } from "./hooks";
import { checkFile, checkParams, FORM_NAME } from "./param-fields";
import { ParamFields } from "./ParamFields";

const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
const EMPTY: Selection = { genomes: [], skipped: [] };

/**
 * New analyses: one genome or many (files or a folder), each its own job with the same settings,
 * optionally in a collection; the queue below shows every file until it is a job.
 */
export function UploadCard({ onCreated, onOpen }: { onCreated: (jobId: string) => void; onOpen: (jobId: string) => void }) {
  const { data } = useModels();
  const [modelName, setModelName] = useState<string | null>(null);
  const model = data?.models.find((m) => m.name === modelName) ?? data?.models.find((m) => m.default) ?? data?.models[0];
  const maxBytes = data?.limits?.maxUploadBytes ?? DEFAULT_MAX_BYTES;
  const numericParams = model?.parameters.filter((p) => p.type !== "boolean") ?? [];
  const collections = useCollections({ once: true });
  const { queue, items } = useUploadQueue(onCreated, onOpen);

  const [selection, setSelection] = useState<Selection>(EMPTY);
  const [jobName, setJobName] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [choice, setChoice] = useState<CollectionChoice>({ mode: "none" });
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const count = selection.genomes.length;
  const single = count === 1;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (count === 0) return setError(selection.skipped.length ? "None of these files is a FASTA genome." : "Choose a genome file first.");
    const paramProblems = checkParams(model?.parameters ?? [], values);
    const nameProblem = choice.mode === "new" ? collectionNameProblem(choice.name) : null;
    setFieldErrors({ ...paramProblems, ...(nameProblem ? { collection: nameProblem } : {}) });
    const singleProblem = single ? checkFile(selection.genomes[0].file, maxBytes) : null;
    if (singleProblem || nameProblem || Object.keys(paramProblems).length) return setError(singleProblem ?? "Check the highlighted settings.");

    setError(null);
    setStarting(true);
    let collectionId: string | null;
    try {
      collectionId = await resolveCollection(choice);
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : null;
      if (apiErr?.fields.name) setFieldErrors((f) => ({ ...f, collection: apiErr.fields.name }));
      setStarting(false);
      return setError(apiErr?.message ?? "Could not create the collection. Try again.");
    }
    if (choice.mode === "new" && collectionId) {
      // Created once: a later batch (or this form again) adds to it rather than making another.
      setChoice({ mode: "existing", id: collectionId });
      void collections.mutate();
    }

    const fields: [string, string][] = [];
    if (single && jobName.trim()) fields.push(["jobName", jobName.trim()]);
    if (model) fields.push(["modelName", model.name]);
    for (const [name, value] of Object.entries(values)) if (value.trim()) fields.push([FORM_NAME[name] ?? name, value.trim()]);
    if (collectionId) fields.push(["collection_id", collectionId]);
    queue.add(
      selection.genomes.map((g) => ({
        name: g.path,
        size: g.file.size,
        payload: { file: g.file, fields, openWhenDone: single },
        refused: checkFile(g.file, maxBytes) ?? undefined,
      })),
    );
    setSelection(EMPTY);
    setJobName("");
    setStarting(false);
  }

  const note = skippedNote(selection.skipped);
  const collectionList = collections.data?.collections;
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="upload-title" noValidate>
        <h2 id="upload-title" className="text-base font-semibold">New analysis</h2>
        <p className="mt-1 text-sm text-slate-600">Upload bacterial genome assemblies (FASTA, optionally gzipped): one file, several, or a folder.</p>

        <DropZone
          selection={selection}
          onSelect={(s) => {
            setSelection(s);
            setError(s.genomes.length === 1 ? checkFile(s.genomes[0].file, maxBytes) : null);
          }}
          maxBytes={maxBytes}
          disabled={starting}
        />
        {note && (
          <p role="status" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="skipped-note">
            {note}
          </p>
        )}

        <label className="mt-4 block text-sm font-medium text-slate-700">
          Job name <span className="font-normal text-slate-500">{count > 1 ? "(each job is named after its file)" : "(optional)"}</span>
          <input
            value={jobName}
            onChange={(e) => setJobName(e.target.value)}
            maxLength={200}
            disabled={count > 1}
            placeholder="defaults to the file name"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-teal-600 focus:ring-1 focus:ring-teal-600 focus:outline-none disabled:bg-slate-100"
          />
        </label>

        <div className="mt-4">
          <CollectionPicker
            idPrefix="upload"
            collections={collectionList}
            loadFailed={Boolean(collections.error)}
            value={choice}
            onChange={(c) => {
              setChoice(c);
              setFieldErrors((f) => ({ ...f, collection: "" }));
            }}
            nameError={fieldErrors.collection || undefined}
          />
        </div>

        <details className="group mt-4 rounded-lg border border-slate-200 px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">Advanced settings</summary>
          <label className="mt-2 block text-sm font-medium text-slate-700">
            Model
            <select
              name="modelName"
              value={model?.name ?? ""}
              onChange={(e) => setModelName(e.target.value)}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-teal-600 focus:ring-1 focus:ring-teal-600 focus:outline-none"
            >
              {(data?.models ?? []).map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name}
                  {m.default ? " (default)" : ""}
                </option>
              ))}
            </select>
          </label>
          <p className="mt-1 text-xs text-slate-500">
            {model?.description ?? "…"} Segmenting only changes progress granularity; gene calls do not depend on it.
          </p>
          <ParamFields
            idPrefix="upload"
            params={numericParams}
            values={values}
            errors={fieldErrors}
            onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
          />
        </details>

        {error && (
          <p role="alert" className="mt-4 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={starting || count === 0}
          className="mt-4 w-full rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {starting ? "Starting…" : count > 1 ? `Start ${count} analyses` : "Start analysis"}
        </button>
      </form>
      <UploadQueueList queue={queue} items={items} />
    </div>
  );
}
