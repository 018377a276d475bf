import type { Db } from "@/lib/db";
import { failPoint } from "@/lib/failpoints";
import { metrics } from "@/lib/metrics/registry";
import { listAll, type Storage } from "@/lib/storage";
import { jobFiles } from "../job-files";
import { readLease, releaseJob, renewLease, retryJobLater, updateJobStatus, type Claim } from "../job-repository";
import { toAmrParams } from "../params";
import { getJob } from "../queries";
import { RESULT_FORMATS, renderResultFiles, type ResultFormat } from "../result-files";
import { databaseTime, type Clock } from "./clock";
import type { EngineRunner } from "./engine-runner";
import { describeEngineFailure } from "./engine-failure";
import { DatabaseProgressTracker } from "./progress-tracker";
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from "./retry-policy";

export interface RunDeps {
  db: Db;
  storage: Storage;
  runner: EngineRunner;
  clock: Clock;
  leaseMs: number;
  /** How often the cancel flag is read; a user waits at most about this long. */
  cancelPollMs: number;
  progressIntervalMs: number;
  /** Attempts before a transiently failing job goes to Error (the same limit as lease expiries). */
  maxAttempts?: number;
  /** Backoff before a transiently failed job runs again (default DEFAULT_RETRY_POLICY). */
  retry?: RetryPolicy;
  /** The jitter's source; tests pass a seeded one. */
  random?: () => number;
  log?: (msg: string) => void;
}

export type RunOutcome = "Completed" | "Error" | "Cancelled" | "released" | "retrying" | "lease_lost";

type StopReason = "cancel" | "shutdown" | "lease_lost";

/**
 * Runs one claimed job to a terminal state. Every write is fenced by the lease token, so a
 * worker that lost its lease (it stalled and another took over) changes nothing.
 * `shutdown` aborts the run and hands the job back to the queue.
 */
export async function runClaimedJob(deps: RunDeps, claim: Claim, shutdown: AbortSignal): Promise<RunOutcome> {
  const { db, storage, clock } = deps;
  const { jobId, leaseToken } = claim;
  const log = deps.log ?? (() => undefined);
  const job = await getJob(db, jobId);
  if (!job || !job.params || !job.inputFilePath) {
    await updateJobStatus(db, jobId, { from: "Processing", to: "Error", leaseToken, error: "The job's input is missing." });
    return "Error";
  }

  const controller = new AbortController();
  let stopReason: StopReason | null = null;
  const stop = (reason: StopReason) => {
    stopReason ??= reason;
    controller.abort();
  };
  const onShutdown = () => stop("shutdown");
  if (shutdown.aborted) onShutdown();
  shutdown.addEventListener("abort", onShutdown);

  const tracker = new DatabaseProgressTracker(db, jobId, leaseToken, clock, () => stop("lease_lost"), deps.progressIntervalMs);
  let lastRenew = clock.now().getTime();
  const watch = setInterval(async () => {
    try {
      const now = clock.now();
      const renewDue = now.getTime() - lastRenew >= deps.leaseMs / 3;
      const state = renewDue
        ? await renewLease(db, jobId, leaseToken, deps.leaseMs, databaseTime(clock))
        : await readLease(db, jobId, leaseToken);
      if (renewDue && state.held) lastRenew = now.getTime();
      if (!state.held) stop("lease_lost");
      else if (state.cancelRequested) stop("cancel");
    } catch (err) {
      log(`[worker] lease check for ${jobId} failed: ${err instanceof Error ? err.message : err}`);
    }
  }, deps.cancelPollMs);
  watch.unref?.();

  const params = toAmrParams(job.params);

  const runStartedAt = clock.now().getTime();
  try {
    // A cancel that arrived between claim and start is honoured before any work.
    if (job.cancelRequested) stop("cancel");
    // The engine reads a file: the stored one itself, or a download from an object store.
    const result = await storage.withLocalCopy(job.inputFilePath, (inputPath) =>
      deps.runner({ inputPath, params, onProgress: (progress) => tracker.report(progress), signal: controller.signal }),
    );
    await tracker.flush();
    if (stopReason) throw Object.assign(new Error("stopped"), { name: "AbortError" });

    const dir = jobFiles.results(jobId, leaseToken);
    const files = renderResultFiles(result, job.jobName);
    for (const [format, body] of Object.entries(files) as [ResultFormat, string][]) {
      await storage.put(dir + RESULT_FORMATS[format].file, body);
    }
    failPoint("job:results-written");
    const done = await updateJobStatus(db, jobId, {
      from: "Processing",
      to: "Completed",
      leaseToken,
      progress: 100,
      error: null,
      resultFilePath: dir,
      additionalInfo: { phase: "done", basesDone: result.input.bases, basesTotal: result.input.bases, etaSeconds: 0 },
      now: clock.now(),
    });
    if (!done) {
      // Another worker owns the job now (or it was cancelled at the last moment): ours is void.
      await storage.deletePrefix(dir);
      return "lease_lost";
    }
    failPoint("job:completed");
    await removeOtherAttempts(storage, jobId, leaseToken);
    metrics().engineBases.inc(result.input.bases);
    metrics().engineSeconds.inc((clock.now().getTime() - runStartedAt) / 1000);
    return "Completed";
  } catch (err) {
    await tracker.flush();
    return await settleFailure(deps, claim, stopReason, err, log);
  } finally {
    clearInterval(watch);
    shutdown.removeEventListener("abort", onShutdown);
  }
}

async function settleFailure(deps: RunDeps, claim: Claim, stopReason: StopReason | null, err: unknown, log: (msg: string) => void): Promise<RunOutcome> {
  const { db, clock } = deps;
  const { jobId, leaseToken } = claim;
  if (stopReason === "lease_lost") return "lease_lost";
  if (stopReason === "shutdown") {
    await releaseJob(db, jobId, leaseToken, clock.now());
    return "released";
  }
  if (stopReason === "cancel") {
    await updateJobStatus(db, jobId, {
      from: "Processing",
      to: "Cancelled",
      leaseToken,
      error: null,
      additionalInfo: { phase: "cancelled" },
      now: clock.now(),
    });
    return "Cancelled";
  }
  const failure = describeEngineFailure(err);
  if (failure.internal) log(`[worker] job ${jobId} failed: ${err instanceof Error ? err.stack ?? err.message : err}`);
  const maxAttempts = deps.maxAttempts ?? 1;
  if (failure.transient && claim.attempts < maxAttempts) {
    const delayMs = retryDelayMs(claim.attempts, deps.retry ?? DEFAULT_RETRY_POLICY, deps.random ?? Math.random);
    const error = `${failure.message} Attempt ${claim.attempts} of ${maxAttempts} failed; it will be retried automatically.`;
    await retryJobLater(db, jobId, leaseToken, { delayMs, error, now: databaseTime(clock) });
    log(`[worker] job ${jobId}: transient failure, retry in ${delayMs} ms`);
    return "retrying";
  }
  await updateJobStatus(db, jobId, {
    from: "Processing",
    to: "Error",
    leaseToken,
    error: failure.transient ? `${failure.message} It failed ${claim.attempts} times and will not be retried; submit it again later.` : failure.message,
    additionalInfo: { phase: "failed" },
    now: clock.now(),
  });
  return "Error";
}

/** Result folders of earlier, dead attempts of the same job. */
async function removeOtherAttempts(storage: Storage, jobId: string, keep: string) {
  const root = jobFiles.resultsRoot(jobId);
  const files = await listAll(storage, root);
  const stale = new Set(files.map((f) => f.key.slice(root.length).split("/")[0]).filter((token) => token && token !== keep));
  for (const token of stale) await storage.deletePrefix(jobFiles.results(jobId, token));
}
