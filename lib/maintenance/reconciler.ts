import { JOB_AREAS, jobIdOfKey } from "@/lib/jobs/job-files";
import type { StoredObject } from "@/lib/storage";
import { MANIFEST_FILE } from "./archive-files";
import type { MaintenanceContext } from "./context";
import { readCursor, writeCursor } from "./cursors";
import { isOrphanFile, type FileOwner } from "./orphan-rules";

// Incremental: each run lists at most `reconcile.listPages` pages (of `reconcile.pageSize` keys)
// per area and checks at most `reconcile.rowChecks` rows, starting where the last run stopped
// (maintenance_cursors) and wrapping around at the end. On an object store every LIST and HEAD
// is a billed request: a run's cost is bounded whatever the number of jobs, and a full pass over
// a large store takes several runs instead of one very long one.

/** Pages through an area from its cursor, calling `onPage` for each page; saves where it stopped. */
async function scanArea(ctx: MaintenanceContext, area: string, onPage: (objects: StoredObject[]) => Promise<void>): Promise<void> {
  const name = `files:${area}`;
  let after = await readCursor(ctx.db, name);
  for (let i = 0; i < ctx.reconcile.listPages; i++) {
    const page = await ctx.storage.list(area, { after: after || undefined, limit: ctx.reconcile.pageSize });
    await onPage(page.objects);
    after = page.next ?? "";
    await ctx.heartbeat();
    if (!page.next) break;
  }
  await writeCursor(ctx.db, name, after, ctx.now);
}

const olderThanGrace = (ctx: MaintenanceContext, o: StoredObject) => o.modifiedAt.getTime() + ctx.policy.orphanGraceHours * 3_600_000 <= ctx.now.getTime();

/**
 * Removes files no row accounts for (see isOrphanFile), direct uploads nobody confirmed, and
 * temp files of writes that never completed, each only once older than the grace period.
 */
export async function removeOrphanFiles(ctx: MaintenanceContext): Promise<number> {
  let removed = 0;
  for (const area of JOB_AREAS) {
    await scanArea(ctx, area, async (objects) => {
      const byJob = new Map<string, StoredObject[]>();
      for (const o of objects) {
        const jobId = jobIdOfKey(o.key)?.jobId;
        if (jobId) byJob.set(jobId, [...(byJob.get(jobId) ?? []), o]);
      }
      const ids = [...byJob.keys()];
      for (let i = 0; i < ids.length; i += ctx.batchSize) {
        const chunk = ids.slice(i, i + ctx.batchSize);
        const rows = await ctx.db.amrJob.findMany({
          where: { id: { in: chunk } },
          select: { id: true, status: true, inputFilePath: true, resultFilePath: true },
        });
        const owners = new Map<string, FileOwner>(rows.map((r) => [r.id, r]));
        for (const id of chunk) {
          for (const file of byJob.get(id) ?? []) {
            if (!isOrphanFile(file, owners.get(id), ctx.now, ctx.policy.orphanGraceHours)) continue;
            await ctx.storage.delete(file.key);
            removed += 1;
          }
        }
      }
    });
  }
  // Direct uploads to the bucket that were never confirmed, and (local storage) temp files of
  // writes that crashed between write and rename.
  for (const area of ["uploads/", "tmp/"]) {
    await scanArea(ctx, area, async (objects) => {
      for (const o of objects.filter((x) => olderThanGrace(ctx, x))) {
        await ctx.storage.delete(o.key);
        removed += 1;
      }
    });
  }
  ctx.check("reconcile:orphans-removed");
  return removed;
}

/**
 * Rows whose files are gone (a disk restored from an older backup, a hand-deleted folder): reported,
 * not repaired, since only a person can say whether to re-run or delete them. Keyset-paged by id
 * from where the last run stopped, at most `reconcile.rowChecks` rows a run.
 */
export async function findRowsWithMissingFiles(ctx: MaintenanceContext): Promise<{ count: number; sample: string[] }> {
  const missing = { count: 0, sample: [] as string[] };
  const name = "rows:files";
  let lastId = await readCursor(ctx.db, name);
  let checked = 0;
  while (checked < ctx.reconcile.rowChecks) {
    const take = Math.min(ctx.batchSize, ctx.reconcile.rowChecks - checked);
    const page: ({ id: string } & FileOwner)[] = await ctx.db.amrJob.findMany({
      where: lastId ? { id: { gt: lastId } } : {},
      orderBy: { id: "asc" },
      take,
      select: { id: true, status: true, inputFilePath: true, resultFilePath: true },
    });
    for (const row of page) {
      if (!(await isMissingFiles(ctx, row))) continue;
      missing.count += 1;
      if (missing.sample.length < 20) missing.sample.push(row.id);
    }
    checked += page.length;
    if (page.length < take) {
      lastId = "";
      break;
    }
    lastId = page[page.length - 1].id;
    await ctx.heartbeat();
  }
  await writeCursor(ctx.db, name, lastId, ctx.now);
  return missing;
}

async function isMissingFiles(ctx: MaintenanceContext, row: FileOwner): Promise<boolean> {
  // A live job's input is what the worker reads; a finished job's is kept only for re-runs.
  if (row.inputFilePath && !(await ctx.storage.head(row.inputFilePath))) return true;
  if (!row.resultFilePath) return false;
  if (row.status === "Archived") return !(await ctx.storage.head(row.resultFilePath + MANIFEST_FILE));
  if (row.status === "Completed") return (await ctx.storage.list(row.resultFilePath, { limit: 1 })).objects.length === 0;
  return false;
}
