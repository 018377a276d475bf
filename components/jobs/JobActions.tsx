"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { isTerminal } from "@/lib/jobs/status";
import { messageOf, postJson } from "@/components/api/client";
import type { JobDetail } from "./types";
import { useModels } from "./hooks";
import { checkParams, FORM_NAME } from "./param-fields";
import { ParamFields } from "./ParamFields";

/** Cancel, delete and re-run, each with its own pending state and error message. */
export function JobActions({ job, onChanged }: { job: JobDetail; onChanged: () => void }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rerunOpen, setRerunOpen] = useState(false);

  async function act(name: string, fn: () => Promise<void>) {
    setBusy(name);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  }

  const cancel = () =>
    act("cancel", async () => {
      await postJson<unknown>(`/api/jobs/${job.id}/cancel`);
      onChanged();
    });
  const remove = () => {
    if (!window.confirm(`Delete "${job.name}" and all its files? This cannot be undone.`)) return;
    void act("delete", async () => {
      await postJson<void>(`/api/jobs/${job.id}`, undefined, "DELETE");
      router.push("/dashboard");
    });
  };

  const btn = "rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-50";
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        {!isTerminal(job.status) && (
          <button onClick={() => void cancel()} disabled={busy !== null || job.cancelRequested} className={`${btn} border-amber-300 text-amber-800 hover:bg-amber-50`}>
            {busy === "cancel" || job.cancelRequested ? "Cancelling…" : "Cancel job"}
          </button>
        )}
        <button onClick={() => setRerunOpen((o) => !o)} disabled={busy !== null} className={`${btn} border-slate-300 text-slate-700 hover:bg-slate-50`} aria-expanded={rerunOpen}>
          Re-run…
        </button>
        <button onClick={remove} disabled={busy !== null} className={`${btn} border-rose-300 text-rose-700 hover:bg-rose-50`}>
          {busy === "delete" ? "Deleting…" : "Delete"}
        </button>
      </div>
      {error && <p role="alert" className="rounded-md bg-rose-50 px-3 py-1.5 text-sm text-rose-800">{error}</p>}
      {rerunOpen && <RerunForm job={job} onDone={(id) => router.push(`/jobs/${id}`)} />}
    </div>
  );
}

function RerunForm({ job, onDone }: { job: JobDetail; onDone: (id: string) => void }) {
  const { data } = useModels();
  const params = data?.models.find((m) => m.name === job.params?.modelName)?.parameters.filter((p) => p.type !== "boolean") ?? [];
  const current = job.params as unknown as Record<string, number> | null;
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = checkParams(params, values);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const body: Record<string, number> = {};
    for (const [k, v] of Object.entries(values)) if (v.trim()) body[FORM_NAME[k]] = Number(v);
    setPending(true);
    setMessage(null);
    try {
      const created = await postJson<JobDetail>(`/api/jobs/${job.id}/rerun`, body);
      onDone(created.id);
    } catch (err) {
      setMessage(messageOf(err, "Could not start the re-run."));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-4 text-left shadow-md sm:w-[28rem]">
      <p className="text-sm font-medium">Re-run on the same genome</p>
      <ParamFields
        idPrefix="rerun"
        params={params}
        values={values}
        errors={errors}
        onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        placeholder={(p) => String(current?.[FORM_NAME[p.name]] ?? p.default)}
      />
      {message && <p role="alert" className="mt-2 text-sm text-rose-700">{message}</p>}
      <button disabled={pending} className="mt-3 w-full rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-800 disabled:opacity-50">
        {pending ? "Starting…" : "Start re-run"}
      </button>
    </form>
  );
}
