import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { DEFAULT_RETENTION_POLICY } from "@/lib/maintenance/policy";
import { runMaintenance, type MaintenanceOptions } from "@/lib/maintenance/run-maintenance";
import { jobFiles } from "@/lib/jobs/job-files";
import type { Storage } from "@/lib/storage";
import { defaultParams, seedUser } from "../helpers/test-db";

export const DAY = 86_400_000;
export const NOW = new Date("2027-03-15T12:00:00.000Z");
export const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

export interface SeededJob {
  id: string;
  /** Result file name → its bytes (what a download must return, archived or not). */
  results: Record<string, Buffer>;
  inputKey: string | null;
}

export interface SeedSpec {
  status: string;
  createdAt?: Date;
  completedAt?: Date | null;
  archivedAt?: Date | null;
  leaseExpiresAt?: Date | null;
  cancelRequested?: boolean;
  withInput?: boolean;
  withResults?: boolean;
}

/** A job row plus its real files, as the worker would have left them. */
export async function seedJob(db: Db, storage: Storage, userId: string, spec: SeedSpec): Promise<SeededJob> {
  const id = randomUUID();
  const inputKey = spec.withInput === false ? null : jobFiles.input(id, false);
  if (inputKey) await storage.put(inputKey, `>c\n${"ACGT".repeat(50)}\n`);
  const results: Record<string, Buffer> = {};
  let resultFilePath: string | null = null;
  if (spec.withResults ?? spec.status === "Completed") {
    resultFilePath = jobFiles.results(id, randomUUID());
    results["result.json"] = Buffer.from(JSON.stringify({ id, genes: [randomBytes(8).toString("hex")] }, null, 2));
    results["genes.tsv"] = Buffer.from(`gene\tidentity\nblaTEM-1B\t100\n${randomBytes(300).toString("base64")}\n`);
    results["phenotypes.tsv"] = Buffer.from("antibiotic\tphenotype\nampicillin\tResistant\n");
    for (const [name, data] of Object.entries(results)) await storage.put(resultFilePath + name, data);
  }
  const finished = ["Completed", "Error", "Cancelled", "Archived"].includes(spec.status);
  await db.amrJob.create({
    data: {
      id,
      userId,
      jobName: `job ${id.slice(0, 8)}`,
      status: spec.status,
      progress: spec.status === "Completed" ? 100 : 0,
      createdAt: spec.createdAt ?? daysAgo(60),
      completedAt: spec.completedAt === undefined ? (finished ? daysAgo(1) : null) : spec.completedAt,
      archivedAt: spec.archivedAt ?? null,
      error: spec.status === "Error" ? "engine failed" : null,
      inputFilePath: inputKey,
      resultFilePath,
      leaseOwner: spec.leaseExpiresAt ? "worker-x" : null,
      leaseToken: spec.leaseExpiresAt ? randomUUID() : null,
      leaseExpiresAt: spec.leaseExpiresAt ?? null,
      cancelRequested: spec.cancelRequested ?? false,
      attempts: spec.status === "Submitted" ? 0 : 1,
      params: { create: defaultParams },
    },
  });
  return { id, results, inputKey };
}

/** A file no row refers to: the reconciler's work once it is past the grace period. */
export const ORPHAN_KEY = "inputs/00000000-dead-4000-8000-000000000000.fa";

/**
 * Work for every step of a run, dated back from `now`: a stale Submitted job, a young Completed
 * one to leave alone, three to archive, three to purge (so batches of 2 end mid-way) and an orphan.
 */
export async function seedMaintenanceWorld(db: Db, storage: Storage, now = NOW) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const userId = (await seedUser(db)).id;
  const seed = (spec: SeedSpec) => seedJob(db, storage, userId, spec);
  const world = {
    toArchive: [] as SeededJob[],
    toPurge: [] as SeededJob[],
    stale: await seed({ status: "Submitted", createdAt: ago(3) }),
    young: await seed({ status: "Completed", completedAt: ago(2) }),
  };
  for (let i = 0; i < 3; i++) world.toArchive.push(await seed({ status: "Completed", completedAt: ago(8 + i) }));
  for (let i = 0; i < 3; i++) world.toPurge.push(await seed({ status: "Completed", completedAt: ago(31 + i) }));
  await storage.put(ORPHAN_KEY, "orphan");
  return world;
}

export type MaintenanceWorld = Awaited<ReturnType<typeof seedMaintenanceWorld>>;

export function runAt(db: Db, storage: Storage, over: Partial<MaintenanceOptions> = {}) {
  return runMaintenance({
    db,
    storage,
    policy: DEFAULT_RETENTION_POLICY,
    trigger: "test",
    clock: () => NOW,
    log: () => undefined,
    ...over,
  });
}
