import { describe, expect, it } from "vitest";
import { DEFAULT_RETENTION_POLICY as P, type RetentionPolicy } from "@/lib/maintenance/policy";
import {
  candidateCutoff,
  isStaleSubmitted,
  projectedRetention,
  retentionAction,
  retentionDates,
  selectArchivable,
  selectPurgeable,
  type RetentionJob,
} from "@/lib/maintenance/retention";

const DAY = 86_400_000;
const SECOND = 1000;
const T0 = new Date("2027-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

const job = (status: string, over: Partial<RetentionJob> = {}): RetentionJob => ({
  status,
  createdAt: at(-DAY),
  completedAt: T0,
  archivedAt: null,
  ...over,
});

describe("archiving boundary (finished 7 days ago)", () => {
  it.each(["Completed", "Error"])("%s: not a second before, exactly at, and a second after", (status) => {
    const j = job(status);
    expect(retentionAction(j, at(7 * DAY - SECOND), P)).toBe("none");
    expect(retentionAction(j, at(7 * DAY), P)).toBe("archive");
    expect(retentionAction(j, at(7 * DAY + SECOND), P)).toBe("archive");
  });

  it("Cancelled is due for purge and archive at the same moment: purged, never archived", () => {
    const j = job("Cancelled");
    expect(retentionDates(j, P).archiveAt).toBeNull();
    expect(retentionAction(j, at(7 * DAY - SECOND), P)).toBe("none");
    expect(retentionAction(j, at(7 * DAY), P)).toBe("purge");
  });
});

describe("purge boundaries", () => {
  const noArchive: RetentionPolicy = { ...P, archiveAfterDays: { Completed: null, Error: null, Cancelled: null } };
  it.each([
    ["Completed", 30],
    ["Error", 14],
    ["Cancelled", 7],
  ] as const)("%s after %i days from completion", (status, days) => {
    const j = job(status);
    expect(retentionAction(j, at(days * DAY - SECOND), noArchive)).toBe("none");
    expect(retentionAction(j, at(days * DAY), noArchive)).toBe("purge");
    expect(retentionAction(j, at(days * DAY + SECOND), noArchive)).toBe("purge");
  });

  it("Archived after 90 days from archiving, whatever its completion date", () => {
    const j = job("Archived", { completedAt: at(-400 * DAY), archivedAt: T0 });
    expect(retentionAction(j, at(90 * DAY - SECOND), P)).toBe("none");
    expect(retentionAction(j, at(90 * DAY), P)).toBe("purge");
    expect(retentionAction(j, at(90 * DAY + SECOND), P)).toBe("purge");
  });

  it("a finished job past both dates is purged, not archived", () => {
    expect(retentionAction(job("Completed"), at(31 * DAY), P)).toBe("purge");
    expect(retentionAction(job("Error"), at(14 * DAY), P)).toBe("purge");
  });

  it("a finished row without completed_at counts from creation", () => {
    const j = job("Completed", { completedAt: null, createdAt: T0 });
    expect(retentionAction(j, at(7 * DAY - SECOND), P)).toBe("none");
    expect(retentionAction(j, at(7 * DAY), P)).toBe("archive");
  });
});

describe("live jobs", () => {
  it.each(["Submitted", "Processing"])("%s is never archived or purged, however old", (status) => {
    const j = job(status, { createdAt: at(-1000 * DAY), completedAt: at(-1000 * DAY) });
    expect(retentionDates(j, P)).toEqual({ archiveAt: null, purgeAt: null });
    expect(retentionAction(j, at(1000 * DAY), P)).toBe("none");
  });

  it("Submitted is stale at exactly 48 hours, not a second before", () => {
    const j = { status: "Submitted", createdAt: T0 };
    expect(isStaleSubmitted(j, at(2 * DAY - SECOND), P)).toBe(false);
    expect(isStaleSubmitted(j, at(2 * DAY), P)).toBe(true);
    expect(isStaleSubmitted({ status: "Processing", createdAt: T0 }, at(10 * DAY), P)).toBe(false);
  });
});

describe("selection and projection", () => {
  it("selects each job for at most one action", () => {
    const jobs = [job("Completed"), job("Error", { completedAt: at(-10 * DAY) }), job("Cancelled"), job("Processing"), job("Archived", { archivedAt: at(-90 * DAY) })];
    const now = at(7 * DAY);
    const archive = selectArchivable(jobs, now, P);
    const purge = selectPurgeable(jobs, now, P);
    expect(archive.map((j) => j.status)).toEqual(["Completed"]);
    expect(purge.map((j) => j.status)).toEqual(["Error", "Cancelled", "Archived"]);
  });

  it("tells users the archive date and the final deletion date", () => {
    expect(projectedRetention(job("Completed"), P)).toEqual({ archiveAt: at(7 * DAY), deleteAt: at(97 * DAY) });
    expect(projectedRetention(job("Cancelled"), P)).toEqual({ archiveAt: null, deleteAt: at(7 * DAY) });
    expect(projectedRetention(job("Archived", { archivedAt: at(3 * DAY) }), P)).toEqual({ archiveAt: null, deleteAt: at(93 * DAY) });
    expect(projectedRetention(job("Processing"), P)).toEqual({ archiveAt: null, deleteAt: null });
  });

  it("the SQL pre-filter's cutoff never excludes a job the policy would act on", () => {
    const now = at(100 * DAY);
    for (const status of ["Completed", "Error", "Cancelled", "Archived"] as const) {
      for (let d = 0; d <= 100; d += 0.5) {
        const t = at(100 * DAY - d * DAY);
        const j = job(status, { completedAt: t, archivedAt: status === "Archived" ? t : null });
        if (retentionAction(j, now, P) !== "none") expect(t.getTime()).toBeLessThanOrEqual(candidateCutoff(status, now, P).getTime());
        else expect(t.getTime()).toBeGreaterThan(candidateCutoff(status, now, P).getTime());
      }
    }
  });
});
