import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/api/client";
import { UploadQueue, type UploadPhase } from "@/components/uploads/upload-queue";

/** A send whose calls the test settles by hand, and a clock and timers the test moves. */
function harness(opts: { concurrency?: number; maxAutoRetries?: number } = {}) {
  const calls: { name: string; resolve: (id: string) => void; reject: (e: unknown) => void; progress: (f: number, p: UploadPhase) => void; signal: AbortSignal }[] = [];
  let now = 1_000_000;
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  const queue = new UploadQueue<string>({
    ...opts,
    send: (name, progress, signal) =>
      new Promise((res, rej) => {
        calls.push({ name, resolve: (id) => res({ id }), reject: rej, progress, signal });
        signal.addEventListener("abort", () => rej(new DOMException("aborted", "AbortError")));
      }),
    now: () => now,
    schedule: (fn, ms) => {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return () => (t.live = false);
    },
  });
  const advance = async (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => t.live && t.at <= now)) {
      t.live = false;
      t.fn();
    }
    await flush();
  };
  const flush = () => new Promise((r) => setTimeout(r, 0));
  const add = (...names: string[]) => queue.add(names.map((n) => ({ name: n, size: 10, payload: n })));
  const kinds = () => queue.snapshot().map((it) => `${it.name}:${it.state.kind}`);
  return { queue, calls, add, kinds, advance, flush };
}

describe("UploadQueue", () => {
  it("sends at most three at a time, in the order the files were added", async () => {
    const h = harness();
    h.add("a", "b", "c", "d", "e");
    expect(h.calls.map((c) => c.name)).toEqual(["a", "b", "c"]);
    expect(h.kinds()).toEqual(["a:uploading", "b:uploading", "c:uploading", "d:waiting", "e:waiting"]);
    h.calls[1].resolve("job-b");
    await h.flush();
    expect(h.calls.map((c) => c.name)).toEqual(["a", "b", "c", "d"]);
    h.calls[0].resolve("job-a");
    h.calls[2].resolve("job-c");
    await h.flush();
    expect(h.calls.map((c) => c.name)).toEqual(["a", "b", "c", "d", "e"]);
    expect(h.queue.snapshot().find((i) => i.name === "b")?.state).toEqual({ kind: "done", jobId: "job-b" });
  });

  it("honours another limit", async () => {
    const h = harness({ concurrency: 1 });
    h.add("a", "b");
    expect(h.calls).toHaveLength(1);
    h.calls[0].resolve("1");
    await h.flush();
    expect(h.calls).toHaveLength(2);
  });

  it("reports each file's progress on its own", async () => {
    const h = harness();
    h.add("a", "b");
    h.calls[1].progress(0.4, "uploading");
    expect(h.queue.snapshot()[0].state).toEqual({ kind: "uploading", fraction: 0, phase: "uploading" });
    expect(h.queue.snapshot()[1].state).toEqual({ kind: "uploading", fraction: 0.4, phase: "uploading" });
  });

  it("tells listeners about progress only when a file's whole percent or phase changes", () => {
    const h = harness();
    h.add("a");
    let changes = 0;
    h.queue.subscribe(() => changes++);
    for (const f of [0.001, 0.004, 0.009, 0.011, 0.012, 0.5, 0.5]) h.calls[0].progress(f, "uploading");
    expect(changes).toBe(2); // 1 % and 50 %
    h.calls[0].progress(1, "validating");
    h.calls[0].progress(1, "validating");
    expect(changes).toBe(3);
    expect(h.queue.snapshot()[0].state).toEqual({ kind: "uploading", fraction: 1, phase: "validating" });
  });

  it("keeps a refused file with the server's message while the others go on, and retries it on demand", async () => {
    const h = harness({ concurrency: 1 });
    h.add("bad", "good");
    h.calls[0].reject(new ApiError(422, "Line 2: 'Z' is not a nucleotide letter."));
    await h.flush();
    expect(h.queue.snapshot()[0].state).toEqual({ kind: "failed", status: 422, message: "Line 2: 'Z' is not a nucleotide letter." });
    expect(h.calls[1].name).toBe("good");
    h.calls[1].resolve("g");
    await h.flush();
    h.queue.retry(h.queue.snapshot()[0].id);
    expect(h.calls).toHaveLength(3);
    expect(h.calls[2].name).toBe("bad");
    expect(h.queue.snapshot()[0].state.kind).toBe("uploading");
  });

  it("waits Retry-After after a 429, holding new starts, then sends the file again by itself", async () => {
    const h = harness({ concurrency: 2 });
    h.add("a", "b", "c");
    h.calls[0].reject(new ApiError(429, "You already have 20 jobs queued or running.", { retryAfter: 60 }));
    await h.flush();
    const a = h.queue.snapshot()[0];
    expect(a.state).toMatchObject({ kind: "waiting", reason: "You already have 20 jobs queued or running." });
    expect(h.calls).toHaveLength(2); // c did not start in the freed slot: the account is at its limit
    h.calls[1].resolve("b");
    await h.flush();
    expect(h.calls).toHaveLength(2);
    await h.advance(59_000);
    expect(h.calls).toHaveLength(2);
    await h.advance(1_000);
    expect(h.calls.slice(2).map((c) => c.name)).toEqual(["a", "c"]);
  });

  it("a manual retry lifts the hold a 429 put on new starts", async () => {
    const h = harness({ concurrency: 1, maxAutoRetries: 0 });
    const [a] = h.add("a", "b");
    h.calls[0].reject(new ApiError(429, "Slow down.", { retryAfter: 0 }));
    await h.flush();
    expect(h.calls.map((c) => c.name)).toEqual(["a", "b"]); // retryAfter 0: no hold
    h.calls[1].reject(new ApiError(429, "Slow down.", { retryAfter: 30 }));
    await h.flush();
    expect(h.queue.snapshot()[1].state.kind).toBe("failed"); // no automatic retries allowed here
    expect(h.queue.heldUntil).toBeGreaterThan(0);
    h.queue.retry(a);
    expect(h.calls.map((c) => c.name)).toEqual(["a", "b", "a"]);
  });

  it("says until when new starts are held", async () => {
    const h = harness({ concurrency: 1 });
    h.add("a", "b");
    expect(h.queue.heldUntil).toBe(0);
    h.calls[0].reject(new ApiError(503, "Busy.", { retryAfter: 2 }));
    await h.flush();
    expect(h.queue.heldUntil).toBeGreaterThan(0);
    await h.advance(2000);
    expect(h.queue.heldUntil).toBe(0);
    expect(h.calls.map((c) => c.name)).toEqual(["a", "a"]);
  });

  it("gives up retrying by itself after maxAutoRetries and shows the failure", async () => {
    const h = harness({ maxAutoRetries: 1 });
    h.add("a");
    h.calls[0].reject(new ApiError(429, "Slow down.", { retryAfter: 1 }));
    await h.flush();
    await h.advance(1000);
    h.calls[1].reject(new ApiError(429, "Slow down.", { retryAfter: 1 }));
    await h.flush();
    expect(h.queue.snapshot()[0].state).toEqual({ kind: "failed", status: 429, message: "Slow down." });
  });

  it("a 413 or a 429 without Retry-After fails at once", async () => {
    const h = harness();
    h.add("big", "limited");
    h.calls[0].reject(new ApiError(413, "The upload is too large."));
    h.calls[1].reject(new ApiError(429, "Too many."));
    await h.flush();
    expect(h.kinds()).toEqual(["big:failed", "limited:failed"]);
  });

  it("cancels a waiting file (it never starts) and aborts an uploading one", async () => {
    const h = harness({ concurrency: 1 });
    const [a, b, c] = h.add("a", "b", "c");
    h.queue.cancel(b);
    h.queue.cancel(a);
    expect(h.calls[0].signal.aborted).toBe(true);
    await h.flush();
    expect(h.kinds()).toEqual(["a:cancelled", "b:cancelled", "c:uploading"]);
    expect(h.calls.map((x) => x.name)).toEqual(["a", "c"]);
    h.queue.retry(a);
    h.calls[1].resolve("c");
    await h.flush();
    expect(h.calls.map((x) => x.name)).toEqual(["a", "c", "a"]);
    expect(c).toBeDefined();
  });

  it("removes files (aborting one in flight) and clears the finished ones", async () => {
    const h = harness();
    const [a, b] = h.add("a", "b", "c");
    h.queue.remove(a);
    expect(h.calls[0].signal.aborted).toBe(true);
    h.calls[1].resolve("jb");
    await h.flush();
    expect(h.kinds()).toEqual(["b:done", "c:uploading"]);
    expect(h.queue.active).toBe(true);
    h.queue.clearFinished();
    expect(h.kinds()).toEqual(["c:uploading"]);
    expect(b).toBeDefined();
  });

  it("lists a file the browser already refused as failed, without sending it", () => {
    const h = harness();
    h.queue.add([{ name: "empty.fa", size: 0, payload: "empty.fa", refused: "This file is empty." }, { name: "ok.fa", size: 5, payload: "ok.fa" }]);
    expect(h.calls.map((c) => c.name)).toEqual(["ok.fa"]);
    expect(h.queue.snapshot()[0].state).toEqual({ kind: "failed", status: 0, message: "This file is empty." });
  });

  it("tells subscribers about every change with a new snapshot", async () => {
    const h = harness();
    const seen: unknown[] = [];
    h.queue.subscribe(() => seen.push(h.queue.snapshot()));
    h.add("a");
    h.calls[0].resolve("j");
    await h.flush();
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
