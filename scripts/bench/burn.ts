/**
 * A fixed amount of arithmetic, the scripted engine's CPU work. Fixed work rather than a fixed
 * time: a process descheduled by a neighbour must not finish its "job" early.
 */
export function burn(iterations: number): number {
  let x = 0x9e3779b9 | 0;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  return x;
}

/** Iterations that take about `ms` on this machine when it is idle (median of a few tries). */
export function calibrateBurn(ms: number): number {
  burn(1_000_000); // compiled before it is timed
  const probe = 5_000_000;
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    burn(probe);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round((probe * ms) / times[3]);
}
