/** Injected time, so lease and throttle logic is tested by setting the clock, not by sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
