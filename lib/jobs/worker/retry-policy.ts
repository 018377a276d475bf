/** Backoff after a transient failure: exponential in the attempt number, with jitter, capped. */
export interface RetryPolicy {
  /** Delay before the second attempt (before jitter). */
  baseMs: number;
  /** No delay exceeds this. */
  capMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 10_000, capMs: 10 * 60_000 };

/**
 * How long a job waits after failing its `attempt`-th run (1-based): base·2^(attempt−1), capped,
 * then "equal jitter" (half fixed, half random) so jobs that failed together do not all come
 * back at the same instant. `random` returns [0, 1); tests pass a seeded one.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponent = Math.max(0, Math.min(30, attempt - 1));
  const full = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.round(full / 2 + random() * (full / 2));
}
