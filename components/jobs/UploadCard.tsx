"use client";
import { useRef, useState, type DragEvent, type FormEvent } from "react";
import { ApiError } from "./api";
import { formatBytes } from "@/lib/units";
import { useModels } from "./hooks";
import { checkFile, checkParams, FORM_NAME } from "./param-fields";
import { ParamFields } from "./ParamFields";
import { ProgressBar } from "./ProgressBar";
import { uploadGenome, type UploadPhase } from "./upload-request";

const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

export function UploadCard({ onUploaded }: { onUploaded: (jobId: string) => void }) {
  const { data } = useModels();
  const [modelName, setModelName] = useState<string | null>(null);
  const model = data?.models.find((m) => m.name === modelName) ?? data?.models.find((m) => m.default) ?? data?.models[0];
  const maxBytes = data?.limits?.maxUploadBytes ?? DEFAULT_MAX_BYTES;
  const numericParams = model?.parameters.filter((p) => p.type !== "boolean") ?? [];

  const [file, setFile] = useState<File | null>(null);
  const [jobName, setJobName] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [phase, setPhase] = useState<UploadPhase>("uploading");
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const choose = (f: File | undefined) => {
    if (!f) return;
    setFile(f);
    setError(checkFile(f, maxBytes));
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0]);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return setError("Choose a genome file first.");
    const fileProblem = checkFile(file, maxBytes);
    const paramProblems = checkParams(model?.parameters ?? [], values);
    setFieldErrors(paramProblems);
    if (fileProblem || Object.keys(paramProblems).length) return setError(fileProblem ?? "Check the highlighted settings.");

    const form = new FormData();
    if (jobName.trim()) form.append("jobName", jobName.trim());
    if (model) form.append("modelName", model.name);
    for (const [name, value] of Object.entries(values)) if (value.trim()) form.append(FORM_NAME[name] ?? name, value.trim());
    form.append("file", file);
    setError(null);
    setProgress(0);
    try {
      const job = await uploadGenome(form, (fraction, p) => {
        setProgress(fraction);
        setPhase(p);
      });
      setFile(null);
      setJobName("");
      if (input.current) input.current.value = "";
      onUploaded(job.id);
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : null;
      setError(apiErr?.message ?? "The upload failed. Try again.");
      if (apiErr?.fields) setFieldErrors(toSnake(apiErr.fields));
    } finally {
      setProgress(null);
    }
  }

  const uploading = progress !== null;
  return (
    <form onSubmit={submit} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="upload-title">
      <h2 id="upload-title" className="text-base font-semibold">New analysis</h2>
      <p className="mt-1 text-sm text-slate-600">Upload a bacterial genome assembly (FASTA, optionally gzipped).</p>

      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`mt-4 flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-8 text-center transition-colors ${
          dragging ? "border-teal-500 bg-teal-50" : "border-slate-300 bg-slate-50"
        }`}
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-8 w-8 text-slate-400" fill="none" stroke="currentColor" strokeWidth={1.5}>
          <path d="M12 16V4m0 0 4 4m-4-4L8 8M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {file ? (
          <p className="text-sm">
            <span className="font-medium text-slate-900" data-testid="chosen-file">{file.name}</span>{" "}
            <span className="text-slate-500">· {formatBytes(file.size)}</span>
          </p>
        ) : (
          <p className="text-sm text-slate-600">Drag a genome here, or</p>
        )}
        <label className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-within:ring-2 focus-within:ring-teal-600">
          {file ? "Choose another file" : "Browse files"}
          <input
            ref={input}
            type="file"
            name="file"
            aria-label="Genome file"
            accept=".fa,.fasta,.fna,.fas,.fsa,.gz,.ffn,.seq"
            className="sr-only"
            onChange={(e) => choose(e.target.files?.[0])}
          />
        </label>
        <p className="text-xs text-slate-500">Up to {formatBytes(maxBytes)} · .fa .fasta .fna, plain or .gz</p>
      </div>

      <label className="mt-4 block text-sm font-medium text-slate-700">
        Job name <span className="font-normal text-slate-500">(optional)</span>
        <input
          value={jobName}
          onChange={(e) => setJobName(e.target.value)}
          maxLength={200}
          placeholder="defaults to the file name"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-teal-600 focus:ring-1 focus:ring-teal-600 focus:outline-none"
        />
      </label>

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
      {uploading && (
        <div className="mt-4 space-y-1">
          <ProgressBar value={(progress ?? 0) * 100} label="Upload progress" />
          <p className="text-xs text-slate-600" aria-live="polite">
            {phase === "validating" ? "Checking the genome…" : `Uploading… ${Math.round((progress ?? 0) * 100)}%`}
          </p>
        </div>
      )}
      <button
        type="submit"
        disabled={uploading || !file}
        className="mt-4 w-full rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800 disabled:cursor-not-allowed disabled:opacity-50"
      >
        {uploading ? "Uploading…" : "Start analysis"}
      </button>
    </form>
  );
}

const SNAKE: Record<string, string> = Object.fromEntries(Object.entries(FORM_NAME).map(([snake, camel]) => [camel, snake]));
function toSnake(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [SNAKE[k] ?? k, v]));
}
