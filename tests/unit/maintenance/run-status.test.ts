import { describe, expect, it } from "vitest";
import { RUN_STATUS_VIEW } from "@/components/admin/maintenance-run-status";
import { MAINTENANCE_RUN_STATUSES, toMaintenanceRunStatus } from "@/lib/maintenance/run-status";

describe("maintenance run status on the admin page", () => {
  it("shows a successful run as succeeded, in green", () => {
    expect(RUN_STATUS_VIEW[toMaintenanceRunStatus("ok")]).toEqual({ label: "succeeded", className: "text-emerald-700" });
  });

  it("has a view for every status the writer records", () => {
    for (const status of MAINTENANCE_RUN_STATUSES) expect(RUN_STATUS_VIEW[toMaintenanceRunStatus(status)].label).not.toBe("unknown");
  });

  it("shows a value no writer records as unknown, not as a success", () => {
    expect(toMaintenanceRunStatus("completed")).toBe("unknown");
    expect(RUN_STATUS_VIEW.unknown.className).not.toContain("emerald");
  });
});
