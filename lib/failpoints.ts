// Fail points: named places where a fault test makes this process die (SIGKILL) or freeze
// (SIGSTOP) for real, then checks that a restart converges. Enabled only by AMR_FAILPOINT (read
// through lib/env.ts, once); unset, `failPoint` is a no-op.
//
//   AMR_FAILPOINT=name[>=threshold][:kill|:stop][,…]
//   e.g. AMR_FAILPOINT=archive:marked            kill after the archive batch is marked
//        AMR_FAILPOINT='job:progress>=40:stop'   freeze once a progress write of ≥ 40 % committed
//
// The list of names is docs/fault-testing.md.
import { getEnv } from "@/lib/env";

export type FailAction = "kill" | "stop";

export interface FailPointRule {
  name: string;
  threshold: number | null;
  action: FailAction;
}

/** Parses AMR_FAILPOINT; malformed entries are ignored rather than stopping a process. */
export function parseFailPoints(spec: string | undefined): FailPointRule[] {
  if (!spec) return [];
  const rules: FailPointRule[] = [];
  for (const raw of spec.split(",")) {
    const m = /^\s*([a-z][a-z0-9:-]*?)(?:>=(\d+(?:\.\d+)?))?(?::(kill|stop))?\s*$/.exec(raw);
    if (m) rules.push({ name: m[1], threshold: m[2] === undefined ? null : Number(m[2]), action: (m[3] as FailAction) ?? "kill" });
  }
  return rules;
}

/** The rule that fires at `name` with `value` (a threshold needs a value at or above it). */
export function matchFailPoint(rules: readonly FailPointRule[], name: string, value?: number): FailPointRule | null {
  return rules.find((r) => r.name === name && (r.threshold === null || (value !== undefined && value >= r.threshold))) ?? null;
}

let rules: FailPointRule[] | undefined;
const frozenOnce = new Set<FailPointRule>();

/** Dies or freezes here if AMR_FAILPOINT names this point; otherwise returns at once. */
export function failPoint(name: string, value?: number): void {
  rules ??= parseFailPoints(getEnv().AMR_FAILPOINT);
  if (rules.length === 0) return;
  const rule = matchFailPoint(rules, name, value);
  // A freeze happens once: after SIGCONT the process runs on, as a stalled process would.
  if (!rule || frozenOnce.has(rule)) return;
  if (rule.action === "stop") frozenOnce.add(rule);
  // Written synchronously so a test can see which point fired before the signal lands.
  process.stderr.write(`[failpoint] ${name}${value === undefined ? "" : ` (${value})`}: ${rule.action}\n`);
  process.kill(process.pid, rule.action === "kill" ? "SIGKILL" : "SIGSTOP");
}
