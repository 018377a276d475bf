/** A sliding-window limit: at most `limit` counted events in any `windowMs`. */
export interface WindowPolicy {
  limit: number;
  windowMs: number;
}

export interface WindowDecision {
  /** Events still inside the window at `now`. */
  count: number;
  allowed: boolean;
  /** Whole seconds until one more event would be allowed; 0 when allowed. */
  retryAfterSeconds: number;
}

/** Pure: decides from the event times alone, so tests drive it with any clock. */
export function evaluateWindow(eventTimesMs: readonly number[], nowMs: number, policy: WindowPolicy): WindowDecision {
  const inside = eventTimesMs.filter((t) => t > nowMs - policy.windowMs && t <= nowMs).sort((a, b) => a - b);
  if (inside.length < policy.limit) return { count: inside.length, allowed: true, retryAfterSeconds: 0 };
  // Blocked until enough of the oldest events leave the window to get below the limit.
  const freeing = inside[inside.length - policy.limit];
  return {
    count: inside.length,
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((freeing + policy.windowMs - nowMs) / 1000)),
  };
}
