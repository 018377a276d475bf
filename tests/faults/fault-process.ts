// Processes for the fault tests, like tests/multi/processes.ts (own process group, output kept,
// killed if the test process dies) with two differences that matter when tests run side by side
// and kill things: `closed` resolves once the output is complete (after 'exit', the pipes may
// still hold the last lines), and `kill` never signals a group whose leader has exited, since on
// a busy machine its pid may already belong to another test's process.
import { spawn } from "node:child_process";
import { root, type Exit, type Proc } from "../multi/processes";

export interface FaultProc extends Proc {
  /** Exit status once stdout and stderr are drained. */
  readonly closed: Promise<Exit>;
  /** SIGKILL to the whole group (the engine child too), unless it already exited. */
  kill(): Promise<void>;
}

const live = new Set<FaultProc>();
process.on("exit", () => {
  for (const p of live) if (!p.exit) signalGroup(p.pid, "SIGKILL");
});

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function startProc(name: string, args: string[], env: NodeJS.ProcessEnv): FaultProc {
  const child = spawn(process.execPath, args, { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (!child.pid) throw new Error(`${name} did not start`);
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.on("exit", (code, signal) => {
      proc.exit = { code, signal };
      resolve(proc.exit);
    }),
  );
  const closed = new Promise<Exit>((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
  void closed.then(() => live.delete(proc));
  const proc: FaultProc = {
    name,
    pid: child.pid,
    output: () => out,
    exited,
    closed,
    exit: null,
    async kill() {
      if (!proc.exit) signalGroup(proc.pid, "SIGKILL");
      await exited;
    },
  };
  live.add(proc);
  return proc;
}
