import type { AmrResult } from "@/lib/amr/types";
import type { EngineRunner } from "@/lib/jobs/worker/engine-runner";

export const tinyResult: AmrResult = {
  model: "resfinder-genes",
  input: { contigs: 1, bases: 1000 },
  genes: [],
  phenotypes: [{ antibiotic: "ampicillin", class: "beta-lactam", phenotype: "No resistance detected", genes: [] }],
};

/**
 * A scripted engine for lifecycle tests: it reports progress in steps and finishes when told
 * to (`release`), or immediately; it honours the abort signal like the real runner.
 */
export function controllableRunner(opts: { autoFinish?: boolean; fail?: Error } = {}) {
  const started: string[] = [];
  const waiters = new Map<string, () => void>();
  const runner: EngineRunner = (run) =>
    new Promise<AmrResult>((resolve, reject) => {
      started.push(run.inputPath);
      run.onProgress({ phase: "searching", segmentsDone: 1, segmentsTotal: 2, basesDone: 500, basesTotal: 1000 });
      const finish = () => (opts.fail ? reject(opts.fail) : resolve(tinyResult));
      const onAbort = () => reject(Object.assign(new Error("aborted"), { name: "AbortError" }));
      if (run.signal.aborted) return onAbort();
      run.signal.addEventListener("abort", onAbort, { once: true });
      if (opts.autoFinish ?? true) queueMicrotask(finish);
      else waiters.set(run.inputPath, finish);
    });
  return {
    runner,
    started,
    /** Lets every waiting run finish. */
    releaseAll: () => {
      for (const [k, f] of waiters) {
        waiters.delete(k);
        f();
      }
    },
  };
}

/** Polls a condition without fixed sleeps dominating the test (real timers drive the worker). */
export async function waitFor(cond: () => Promise<boolean> | boolean, timeoutMs = 10_000, stepMs = 20): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error("condition not met in time");
}
