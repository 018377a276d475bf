// Runs once per server process (not during `next build`): event-loop monitoring, the in-process
// job worker and the maintenance scheduler (SCHEDULER_ENABLED, MAINTENANCE_SCHEDULE).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startEventLoopMonitor } = await import("./lib/metrics/event-loop");
    startEventLoopMonitor();
    const { startInProcessWorker } = await import("./lib/jobs/worker/in-process");
    startInProcessWorker();
    const { startMaintenanceScheduler } = await import("./lib/maintenance/scheduler");
    startMaintenanceScheduler();
  }
}
