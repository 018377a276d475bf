// Runs once per server process (not during `next build`): the in-process job worker.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startInProcessWorker } = await import("./lib/jobs/worker/in-process");
    startInProcessWorker();
  }
}
