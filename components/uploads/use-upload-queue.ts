"use client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { isBusy, UploadQueue } from "./upload-queue";
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
 * The dashboard's upload queue. `onCreated` runs once for every job made; `onOpen` when a
 * one-file batch finished and nothing else is being sent (leaving the page would drop the rest).
 */
export function useUploadQueue(onCreated: (jobId: string) => void, onOpen: (jobId: string) => void) {
  const [queue] = useState(() => new UploadQueue<UploadPayload>({ concurrency: 3, send: (p, progress, signal) => uploadGenome(formFor(p), progress, signal) }));
  const items = useSyncExternalStore(queue.subscribe, queue.snapshot, queue.snapshot);

  const reported = useRef(new Set<string>());
  useEffect(() => {
    for (const it of items) {
      if (it.state.kind !== "done" || reported.current.has(it.id)) continue;
      reported.current.add(it.id);
      onCreated(it.state.jobId);
      if (it.payload.openWhenDone && !items.some((other) => other !== it && isBusy(other))) onOpen(it.state.jobId);
    }
  }, [items, onCreated, onOpen]);

  // Closing the tab aborts every upload in flight: ask first.
  const active = items.some(isBusy);
  useEffect(() => {
    if (!active) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active]);

  return { queue, items };
}
