"use client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { JobDetail } from "@/components/jobs/types";
import { UploadQueue } from "./upload-queue";
import { uploadGenome } from "./upload-request";

/** One genome of a batch: the file and the form fields every job of the batch shares. */
export interface UploadPayload {
  file: File;
  fields: [string, string][];
  /** Open the job page when this, the batch's only file, becomes a job (and nothing else is sending). */
  openWhenDone: boolean;
}

export function formFor(payload: UploadPayload): FormData {
  const form = new FormData();
  for (const [name, value] of payload.fields) form.append(name, value);
  form.append("file", payload.file); // after the fields: the server reads them before the file streams
  return form;
}

/**
 * The dashboard's upload queue. `onCreated` runs for every job made; `onOpen` when a one-file
 * batch finished and nothing else is being sent (leaving the page would abort the rest).
 */
export function useUploadQueue(onCreated: (job: JobDetail) => void, onOpen: (jobId: string) => void) {
  const callbacks = useRef({ onCreated, onOpen });
  useEffect(() => {
    callbacks.current = { onCreated, onOpen };
  });
  const [queue] = useState(
    () =>
      new UploadQueue<UploadPayload>({
        concurrency: 3,
        send: async (payload, onProgress, signal) => {
          const job = await uploadGenome(formFor(payload), onProgress, signal);
          callbacks.current.onCreated(job);
          const othersBusy = queue.snapshot().some((it) => it.payload !== payload && (it.state.kind === "waiting" || it.state.kind === "uploading"));
          if (payload.openWhenDone && !othersBusy) callbacks.current.onOpen(job.id);
          return job;
        },
      }),
  );
  const items = useSyncExternalStore(queue.subscribe, queue.snapshot, queue.snapshot);

  // Closing the tab aborts every upload in flight: ask first.
  const active = items.some((it) => it.state.kind === "waiting" || it.state.kind === "uploading");
  useEffect(() => {
    if (!active) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active]);

  return { queue, items };
}
