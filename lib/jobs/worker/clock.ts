/** Injected time, so lease and throttle logic is tested by setting the clock, not by sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The time lease statements should use: none with the system clock, so the database's own
 * clock decides (hosts' clocks may disagree); the test's time with any other clock.
 */
export function databaseTime(clock: Clock): Date | undefined {
  return clock === systemClock ? undefined : clock.now();
}
