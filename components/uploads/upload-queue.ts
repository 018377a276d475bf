import { ApiError } from "@/components/api/client";
import type { UploadPhase } from "./upload-request";

// The upload queue: a few uploads at a time, each with its own state, retry and cancel. No React
// and no network here: `send` and the clock are injected, so ordering, the limit, Retry-After and
// cancelling are tested without a browser.

export type { UploadPhase };

export type UploadState =
  /** `reason`: why it waits (the server's 429/503 message) until `notBefore` (ms since epoch). */
  | { kind: "waiting"; notBefore: number; reason?: string }
  | { kind: "uploading"; fraction: number; phase: UploadPhase }
  | { kind: "done"; jobId: string }
  | { kind: "failed"; status: number; message: string }
  | { kind: "cancelled" };

export interface QueueItem<P> {
  id: string;
  name: string;
  size: number;
  payload: P;
  state: UploadState;
  /** Automatic retries after a 429/503 with Retry-After, since the last manual start. */
  autoRetries: number;
}

export type Send<P> = (
  payload: P,
  onProgress: (fraction: number, phase: UploadPhase) => void,
  signal: AbortSignal,
) => Promise<{ id: string }>;

export interface QueueOptions<P> {
  send: Send<P>;
  concurrency?: number;
  /** How many times one file is sent again by itself after a 429/503 that named a wait. */
  maxAutoRetries?: number;
  now?: () => number;
  schedule?: (fn: () => void, ms: number) => () => void;
}

/** Still to be sent or being sent: what leaving the page would lose. */
export const isBusy = (it: QueueItem<unknown>) => it.state.kind === "waiting" || it.state.kind === "uploading";

const isAbort = (err: unknown) => err instanceof DOMException && err.name === "AbortError";

export class UploadQueue<P> {
  private items: QueueItem<P>[] = [];
  private readonly controllers = new Map<string, AbortController>();
  private readonly listeners = new Set<() => void>();
  private pausedUntil = 0;
  private cancelTimer: (() => void) | null = null;
  private seq = 0;
  private readonly send: Send<P>;
  readonly concurrency: number;
  private readonly maxAutoRetries: number;
  private readonly now: () => number;
  private readonly schedule: (fn: () => void, ms: number) => () => void;

  constructor(opts: QueueOptions<P>) {
    this.send = opts.send;
    this.concurrency = opts.concurrency ?? 3;
    this.maxAutoRetries = opts.maxAutoRetries ?? 3;
    this.now = opts.now ?? Date.now;
    this.schedule =
      opts.schedule ??
      ((fn, ms) => {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
      });
  }

  /** The current items; a new array after every change (for useSyncExternalStore). */
  snapshot = (): readonly QueueItem<P>[] => this.items;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Queues files in the given order; returns their ids. A file with `refused` (a check the
   * browser made first, e.g. over the size limit) is listed as failed with that message.
   */
  add(files: { name: string; size: number; payload: P; refused?: string }[]): string[] {
    const added = files.map(({ refused, ...f }) => ({
      ...f,
      id: `u${++this.seq}`,
      state: (refused ? { kind: "failed", status: 0, message: refused } : { kind: "waiting", notBefore: 0 }) as UploadState,
      autoRetries: 0,
    }));
    this.commit([...this.items, ...added]);
    this.pump();
    return added.map((a) => a.id);
  }

  /** Sends a failed or cancelled file again (asked for by the user: a hold from a 429 is lifted). */
  retry(id: string): void {
    this.pausedUntil = 0;
    this.update(id, (it) => (it.state.kind === "failed" || it.state.kind === "cancelled" ? { ...it, autoRetries: 0, state: { kind: "waiting", notBefore: 0 } } : it));
    this.pump();
  }

  /** Stops a file: a waiting one never starts, an uploading one is aborted. */
  cancel(id: string): void {
    const controller = this.controllers.get(id);
    if (controller) return controller.abort(); // the send rejects with AbortError: see run()
    this.update(id, (it) => (it.state.kind === "waiting" ? { ...it, state: { kind: "cancelled" } } : it));
  }

  /** Takes a file off the list (aborting it if it is being sent). */
  remove(id: string): void {
    this.controllers.get(id)?.abort();
    this.commit(this.items.filter((it) => it.id !== id));
    this.pump();
  }

  /** Takes every file that became a job off the list. */
  clearFinished(): void {
    this.commit(this.items.filter((it) => it.state.kind !== "done"));
  }

  /** Until when no new upload starts because the server said to wait (ms since epoch; 0: none). */
  get heldUntil(): number {
    return this.pausedUntil > this.now() ? this.pausedUntil : 0;
  }

  get active(): boolean {
    return this.items.some(isBusy);
  }

  private commit(items: QueueItem<P>[]): void {
    this.items = items;
    for (const l of this.listeners) l();
  }

  private update(id: string, fn: (it: QueueItem<P>) => QueueItem<P>): void {
    if (!this.items.some((it) => it.id === id)) return;
    this.commit(this.items.map((it) => (it.id === id ? fn(it) : it)));
  }

  /** Starts waiting files, in list order, while fewer than `concurrency` are being sent. */
  private pump(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const now = this.now();
    let running = this.items.filter((it) => it.state.kind === "uploading").length;
    let wakeAt = Infinity;
    for (const it of this.items) {
      if (running >= this.concurrency) break;
      if (it.state.kind !== "waiting") continue;
      const readyAt = Math.max(it.state.notBefore, this.pausedUntil);
      if (readyAt > now) {
        wakeAt = Math.min(wakeAt, readyAt);
        continue;
      }
      running += 1;
      this.run(it);
    }
    if (wakeAt !== Infinity && running < this.concurrency) this.cancelTimer = this.schedule(() => this.pump(), wakeAt - now);
  }

  private run(item: QueueItem<P>): void {
    const controller = new AbortController();
    this.controllers.set(item.id, controller);
    this.update(item.id, (it) => ({ ...it, state: { kind: "uploading", fraction: 0, phase: "uploading" } }));
    // Browsers report progress many times a second per upload; a list of hundreds of files is
    // redrawn only when a file's whole percent or phase changes.
    let shown = { percent: 0, phase: "uploading" as UploadPhase };
    const onProgress = (fraction: number, phase: UploadPhase) => {
      const percent = Math.floor(fraction * 100);
      if (this.controllers.get(item.id) !== controller || (percent === shown.percent && phase === shown.phase)) return;
      shown = { percent, phase };
      this.update(item.id, (it) => ({ ...it, state: { kind: "uploading", fraction, phase } }));
    };
    this.send(item.payload, onProgress, controller.signal)
      .then(
        (job) => this.update(item.id, (it) => ({ ...it, state: { kind: "done", jobId: job.id } })),
        (err: unknown) => this.update(item.id, (it) => this.afterFailure(it, err, controller.signal.aborted)),
      )
      .finally(() => {
        this.controllers.delete(item.id);
        this.pump();
      });
  }

  private afterFailure(it: QueueItem<P>, err: unknown, aborted: boolean): QueueItem<P> {
    if (aborted || isAbort(err)) return { ...it, state: { kind: "cancelled" } };
    const api = err instanceof ApiError ? err : null;
    // A 429 or 503 that names a wait is about the account or the server, not this file: hold
    // every new start until then, and send this one again by itself a few times.
    if (api && (api.status === 429 || api.status === 503) && api.retryAfter !== null) {
      const notBefore = this.now() + api.retryAfter * 1000;
      this.pausedUntil = Math.max(this.pausedUntil, notBefore);
      if (it.autoRetries < this.maxAutoRetries) return { ...it, autoRetries: it.autoRetries + 1, state: { kind: "waiting", notBefore, reason: api.message } };
    }
    return { ...it, state: { kind: "failed", status: api?.status ?? 0, message: api?.message ?? "The upload failed. Try again." } };
  }
}
