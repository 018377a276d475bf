// Client-safe (no server imports): the job list and job page use it to tell users the dates.

const DAY_MS = 86_400_000;

function inDays(iso: string, now: number): string {
  const ms = new Date(iso).getTime() - now;
  if (ms <= 0) return "at the next maintenance run";
  const days = Math.ceil(ms / DAY_MS);
  return days === 1 ? "within a day" : `in ${days} days`;
}

/** "archived in 5 days · deleted in 12 days", or null while the job is live. */
export function retentionLabel(job: { status: string; archiveAt: string | null; deleteAt: string | null }, now = Date.now()): string | null {
  const parts: string[] = [];
  if (job.archiveAt && job.status !== "Archived") parts.push(`archived ${inDays(job.archiveAt, now)}`);
  if (job.deleteAt) parts.push(`deleted ${inDays(job.deleteAt, now)}`);
  return parts.length ? parts.join(" · ") : null;
}
