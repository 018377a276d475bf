// Real processes for the several-machines and fault tests: `next start` servers, `scripts/worker.ts`
// workers and scripts, each in a process group of its own so that a "machine" can die whole (the
// worker and the engine process it forked) and so that nothing outlives the test.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// One way to pick a port, shared with the bench scripts; the several-machines test imports it from here.
export { freePort } from "../../scripts/lib/free-port";

export const root = path.resolve(import.meta.dirname, "..", "..");

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Proc {
  readonly name: string;
  readonly pid: number;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  readonly exited: Promise<Exit>;
  /** Exit status once stdout and stderr are drained (after 'exit' the pipes may still hold the last lines). */
  readonly closed: Promise<Exit>;
  exit: Exit | null;
}

const live = new Set<{ proc: Proc; child: ChildProcess }>();

// Detached groups are not taken down with the test process: if it ends without its afterAll
// (an exception in a hook, a timeout), kill them here, synchronously, as the last thing.
process.on("exit", () => {
  for (const { proc } of live) signalGroup(proc.pid, "SIGKILL");
});

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function startNode(name: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, args, { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (!child.pid) throw new Error(`${name} did not start`);
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const entry = { child, proc: undefined as unknown as Proc };
  const exited = new Promise<Exit>((resolve) =>
    child.on("exit", (code, signal) => {
      proc.exit = { code, signal };
      live.delete(entry);
      resolve(proc.exit);
    }),
  );
  const closed = new Promise<Exit>((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
  const proc: Proc = { name, pid: child.pid, output: () => out, exited, closed, exit: null };
  entry.proc = proc;
  live.add(entry);
  return proc;
}

/**
 * A machine dying: the process and everything it started, at once, with no chance to clean up.
 * Never once its leader has exited: on a busy machine its pid may already lead another group.
 */
export async function killHard(proc: Proc): Promise<Exit> {
  if (!proc.exit) signalGroup(proc.pid, "SIGKILL");
  return proc.exited;
}

/**
 * An operator's stop: SIGTERM to the process itself (it hands its jobs back and ends its own
 * children), then SIGKILL to the whole group if it is still there after `graceMs`.
 */
export async function stopGracefully(proc: Proc, graceMs = 15_000): Promise<Exit & { forced: boolean }> {
  if (proc.exit) return { ...proc.exit, forced: false };
  try {
    process.kill(proc.pid, "SIGTERM");
  } catch {
    // exited meanwhile
  }
  const timeout = sleep(graceMs).then(() => null);
  const exit = await Promise.race([proc.exited, timeout]);
  if (exit) return { ...exit, forced: false };
  return { ...(await killHard(proc)), forced: true };
}

/** Every process this module started that is still running. */
export function liveProcesses(): Proc[] {
  return [...live].map((e) => e.proc);
}

export function tail(proc: Proc, chars = 4000): string {
  const out = proc.output();
  return `--- ${proc.name} (pid ${proc.pid}${proc.exit ? `, exited ${proc.exit.code ?? proc.exit.signal}` : ""}) ---\n${out.slice(-chars)}`;
}

/** Thrown by a waitFor check when waiting longer cannot help (e.g. the job already finished). */
export class GiveUp extends Error {}

/**
 * Polls `check` until it returns a value other than undefined. Fails at once, with the process's
 * output, if one of `watch` exits meanwhile: waiting on a dead server would only time out.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  opts: { timeoutMs: number; everyMs?: number; watch?: Proc[] },
): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  let lastError: unknown;
  for (;;) {
    const dead = opts.watch?.find((p) => p.exit);
    if (dead) throw new Error(`${dead.name} exited while waiting for ${what}\n${tail(dead)}`);
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      if (err instanceof GiveUp) throw err;
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${opts.timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError})` : ""}`);
    }
    await sleep(opts.everyMs ?? 50);
  }
}
