// Writes jobs through the application's own code until killed, printing each id after its
// transaction committed: the parent SIGKILLs it at random and then checks every printed id.
import { createDb } from "@/lib/db";
import { insertJob } from "@/lib/jobs/job-repository";
import { defaultParams } from "./test-db";

const [dbFile, userId] = process.argv.slice(2);
const db = createDb(`file:${dbFile}`);
for (let i = 0; ; i++) {
  const job = await insertJob(db, { userId, jobName: `crash ${i}`, params: defaultParams });
  process.stdout.write(`${job.id}\n`);
}
