// The real hashing worker plus a "hold" task that occupies its thread until the test releases the
// gate (Atomics on a SharedArrayBuffer): saturating the pool deterministically, without timing.
import run from "../../lib/auth/hash-worker.mjs";

export default function gated(task) {
  if (task.op !== "hold") return run(task);
  Atomics.wait(new Int32Array(task.gate), 0, 0);
  return true;
}
