import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { DEFAULT_RETENTION_POLICY, policyFromEnv } from "@/lib/maintenance/policy";
import { retentionLabel } from "@/lib/maintenance/retention-label";

describe("policy configuration", () => {
  it("defaults to the documented policy", () => {
    expect(policyFromEnv(parseEnv({}))).toEqual(DEFAULT_RETENTION_POLICY);
  });

  it("reads every setting from the environment", () => {
    const p = policyFromEnv(
      parseEnv({
        RETENTION_ARCHIVE_AFTER_DAYS: "3",
        RETENTION_PURGE_COMPLETED_DAYS: "60",
        RETENTION_PURGE_ERROR_DAYS: "5",
        RETENTION_PURGE_CANCELLED_DAYS: "1",
        RETENTION_PURGE_ARCHIVED_DAYS: "365",
        RETENTION_STALE_SUBMITTED_HOURS: "6",
        RETENTION_ORPHAN_GRACE_HOURS: "2",
        ARCHIVE_KEEP_INPUT: "true",
      }),
    );
    expect(p).toMatchObject({
      archiveAfterDays: { Completed: 3, Error: 3, Cancelled: 3 },
      purgeAfterDays: { Completed: 60, Error: 5, Cancelled: 1, Archived: 365 },
      staleSubmittedHours: 6,
      orphanGraceHours: 2,
      keepInputOnArchive: true,
    });
  });

  it.each([
    ["RETENTION_PURGE_ERROR_DAYS", "-1"],
    ["RETENTION_ARCHIVE_AFTER_DAYS", "seven"],
    ["RETENTION_STALE_SUBMITTED_HOURS", "0"],
    ["ARCHIVE_KEEP_INPUT", "maybe"],
  ])("refuses %s=%s with the variable named", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(name);
  });
});

describe("retentionLabel", () => {
  const now = Date.parse("2027-01-01T00:00:00Z");
  const inDays = (d: number) => new Date(now + d * 86_400_000).toISOString();
  it("says when a finished job is archived and deleted", () => {
    expect(retentionLabel({ status: "Completed", archiveAt: inDays(5), deleteAt: inDays(12) }, now)).toBe("archived in 5 days · deleted in 12 days");
    expect(retentionLabel({ status: "Archived", archiveAt: null, deleteAt: inDays(0.5) }, now)).toBe("deleted within a day");
    expect(retentionLabel({ status: "Cancelled", archiveAt: null, deleteAt: inDays(-1) }, now)).toBe("deleted at the next maintenance run");
    expect(retentionLabel({ status: "Processing", archiveAt: null, deleteAt: null }, now)).toBeNull();
  });
});
