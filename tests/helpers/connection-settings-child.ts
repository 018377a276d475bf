// A standalone worker process (`npm run worker` wiring: appDb() from the environment) that prints
// the settings of its database connection as JSON once its first queue poll is done, then exits.
import { appDb, sqlOf } from "@/lib/db";
import { startAppWorker } from "@/lib/jobs/worker/app-worker";

const worker = startAppWorker();
worker.wake();
// The worker's own client, after the worker has used it (a claim attempt on the empty queue).
await appDb().amrJob.count();
const settings = await sqlOf(appDb()).connectionSettings();
await worker.stop();
await appDb().$disconnect();
process.stdout.write(JSON.stringify(settings));
