import type { MaintenanceContext } from "./context";
import { MANIFEST_FILE } from "./archive-files";
import { isOrphanFile, jobIdOfKey, type FileOwner, type StoredFile } from "./orphan-rules";

const AREAS = ["inputs/", "results/", "archive/"] as const;

/** Removes files no row accounts for (see isOrphanFile), in batches of job ids. */
export async function removeOrphanFiles(ctx: MaintenanceContext): Promise<number> {
  let removed = 0;
  for (const area of AREAS) {
    const byJob = new Map<string, StoredFile[]>();
    for (const file of await ctx.storage.list(area)) {
      const jobId = jobIdOfKey(file.key)?.jobId;
      if (!jobId) continue;
      const files = byJob.get(jobId);
      if (files) files.push(file);
      else byJob.set(jobId, [file]);
    }
    const ids = [...byJob.keys()];
    for (let i = 0; i < ids.length; i += ctx.batchSize) {
      const chunk = ids.slice(i, i + ctx.batchSize);
      const owners = new Map<string, FileOwner>(
        (
          await ctx.db.amrJob.findMany({
            where: { id: { in: chunk } },
            select: { id: true, status: true, inputFilePath: true, resultFilePath: true },
          })
        ).map((r) => [r.id, r]),
      );
      for (const id of chunk) {
        for (const file of byJob.get(id) ?? []) {
          if (!isOrphanFile(file, owners.get(id), ctx.now, ctx.policy.orphanGraceHours)) continue;
          await ctx.storage.delete(file.key);
          removed += 1;
        }
      }
      await ctx.heartbeat();
    }
  }
  // Temp files of uploads and writes that never committed (a crash between write and rename).
  for (const file of await ctx.storage.list("tmp/")) {
    if (file.modifiedAt.getTime() + ctx.policy.orphanGraceHours * 3_600_000 > ctx.now.getTime()) continue;
    await ctx.storage.delete(file.key);
    removed += 1;
  }
  ctx.check("reconcile:orphans-removed");
  return removed;
}

/**
 * Rows whose files are gone (a disk restored from an older backup, a hand-deleted folder): reported,
 * not repaired, since only a person can say whether to re-run or delete them. Keyset-paged by id.
 */
export async function findRowsWithMissingFiles(ctx: MaintenanceContext): Promise<{ count: number; sample: string[] }> {
  const missing = { count: 0, sample: [] as string[] };
  let lastId: string | null = null;
  for (;;) {
    const page: { id: string; status: string; inputFilePath: string | null; resultFilePath: string | null }[] =
      await ctx.db.amrJob.findMany({
        where: lastId ? { id: { gt: lastId } } : {},
        orderBy: { id: "asc" },
        take: ctx.batchSize,
        select: { id: true, status: true, inputFilePath: true, resultFilePath: true },
      });
    for (const row of page) {
      if (!(await isMissingFiles(ctx, row))) continue;
      missing.count += 1;
      if (missing.sample.length < 20) missing.sample.push(row.id);
    }
    if (page.length < ctx.batchSize) break;
    lastId = page[page.length - 1].id;
    await ctx.heartbeat();
  }
  return missing;
}

async function isMissingFiles(ctx: MaintenanceContext, row: FileOwner): Promise<boolean> {
  // A live job's input is what the worker reads; a finished job's is kept only for re-runs.
  if (row.inputFilePath && !(await ctx.storage.exists(row.inputFilePath))) return true;
  if (!row.resultFilePath) return false;
  if (row.status === "Archived") return !(await ctx.storage.exists(row.resultFilePath + MANIFEST_FILE));
  if (row.status === "Completed") return (await ctx.storage.list(row.resultFilePath)).length === 0;
  return false;
}
