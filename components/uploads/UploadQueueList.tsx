"use client";
import Link from "next/link";
import { ProgressBar } from "@/components/jobs/ProgressBar";
import { formatBytes } from "@/lib/units";
import type { QueueItem, UploadQueue } from "./upload-queue";

const clock = (ms: number) => new Date(ms).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

function summary(items: readonly QueueItem<unknown>[], heldUntil: number): string {
  const count = (kind: string) => items.filter((it) => it.state.kind === kind).length;
  const parts = [`${count("done")} of ${items.length} queued as jobs`];
  if (count("uploading")) parts.push(`${count("uploading")} sending`);
  if (count("waiting")) parts.push(`${count("waiting")} waiting`);
  if (count("failed")) parts.push(`${count("failed")} refused`);
  if (count("cancelled")) parts.push(`${count("cancelled")} cancelled`);
  if (heldUntil && count("waiting")) parts.push(`the server asked to wait: next start at ${clock(heldUntil)}`);
  return parts.join(" · ");
}

function StateLine({ item }: { item: QueueItem<unknown> }) {
  const s = item.state;
  switch (s.kind) {
    case "waiting":
      return s.reason ? (
        <p className="text-xs text-amber-800">
          {s.reason} Trying again at {clock(s.notBefore)}.
        </p>
      ) : (
        <p className="text-xs text-slate-500">Waiting</p>
      );
    case "uploading":
      return (
        <div className="space-y-1">
          <ProgressBar value={s.fraction * 100} label={`Upload progress of ${item.name}`} />
          <p className="text-xs text-slate-600">{s.phase === "validating" ? "Checking the genome…" : `Uploading ${Math.round(s.fraction * 100)} %`}</p>
        </div>
      );
    case "done":
      return (
        <p className="text-xs text-emerald-800">
          Queued as a job ·{" "}
          <Link href={`/jobs/${s.jobId}`} className="font-medium underline hover:text-emerald-950">
            open job<span className="sr-only"> for {item.name}</span>
          </Link>
        </p>
      );
    case "failed":
      return (
        <div className="text-xs text-rose-800">
          <span className="font-medium">{s.status ? `Refused (${s.status}): ` : "Not sent: "}</span>
          <span role="alert" data-testid="upload-error">{s.message}</span>
        </div>
      );
    case "cancelled":
      return <p className="text-xs text-slate-500">Cancelled</p>;
  }
}

const small = "rounded-md border px-2 py-1 text-xs font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600";

/** Every file of the current uploads: its own progress, result or refusal, and what can be done. */
export function UploadQueueList<P>({ queue, items }: { queue: UploadQueue<P>; items: readonly QueueItem<P>[] }) {
  if (items.length === 0) return null;
  const anyDone = items.some((it) => it.state.kind === "done");
  return (
    <section aria-labelledby="queue-title" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="upload-queue">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="queue-title" className="text-sm font-semibold">Uploads</h2>
          <p className="text-xs text-slate-500" aria-live="polite" data-testid="queue-summary">{summary(items, queue.heldUntil)}</p>
        </div>
        {anyDone && (
          <button type="button" onClick={() => queue.clearFinished()} className={`${small} border-slate-300 text-slate-700 hover:bg-slate-50`}>
            Clear finished
          </button>
        )}
      </div>
      <ul className="mt-3 max-h-[28rem] divide-y divide-slate-100 overflow-y-auto">
        {items.map((item) => {
          const k = item.state.kind;
          return (
            <li key={item.id} data-testid="queue-item" data-state={k} className="py-2">
              <div className="flex items-start justify-between gap-2">
                <p className="min-w-0 text-sm">
                  <span className="block truncate font-medium text-slate-900" title={item.name}>{item.name}</span>
                  <span className="text-xs text-slate-500">{formatBytes(item.size)}</span>
                </p>
                <div className="flex shrink-0 gap-1">
                  {(k === "failed" || k === "cancelled") && (
                    <button type="button" onClick={() => queue.retry(item.id)} aria-label={`Retry ${item.name}`} className={`${small} border-teal-300 text-teal-800 hover:bg-teal-50`}>
                      Retry
                    </button>
                  )}
                  {(k === "waiting" || k === "uploading") && (
                    <button type="button" onClick={() => queue.cancel(item.id)} aria-label={`Cancel ${item.name}`} className={`${small} border-amber-300 text-amber-800 hover:bg-amber-50`}>
                      Cancel
                    </button>
                  )}
                  {k !== "uploading" && k !== "waiting" && (
                    <button type="button" onClick={() => queue.remove(item.id)} aria-label={`Remove ${item.name} from the list`} className={`${small} border-slate-300 text-slate-600 hover:bg-slate-50`}>
                      Remove
                    </button>
                  )}
                </div>
              </div>
              <div className="mt-1">
                <StateLine item={item} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
