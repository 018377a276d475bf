// Runs once per server process (not during `next build`): the in-process job worker and the
// maintenance scheduler (SCHEDULER_ENABLED, MAINTENANCE_SCHEDULE).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startInProcessWorker } = await import("./lib/jobs/worker/in-process");
    startInProcessWorker();
    const { startMaintenanceScheduler } = await import("./lib/maintenance/scheduler");
    startMaintenanceScheduler();
  }
}
