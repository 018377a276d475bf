import { describe, expect, it } from "vitest";
import { matchFailPoint, parseFailPoints } from "@/lib/failpoints";

describe("AMR_FAILPOINT", () => {
  it("is inert when unset or empty", () => {
    expect(parseFailPoints(undefined)).toEqual([]);
    expect(parseFailPoints("")).toEqual([]);
    expect(matchFailPoint([], "archive:marked")).toBeNull();
  });

  it("names points, with an optional threshold and action (kill by default)", () => {
    const rules = parseFailPoints("archive:marked, job:progress>=40:stop,upload:file-stored:kill");
    expect(rules).toEqual([
      { name: "archive:marked", threshold: null, action: "kill" },
      { name: "job:progress", threshold: 40, action: "stop" },
      { name: "upload:file-stored", threshold: null, action: "kill" },
    ]);
    expect(matchFailPoint(rules, "archive:marked")?.action).toBe("kill");
    expect(matchFailPoint(rules, "archive:verified")).toBeNull();
  });

  it("fires a threshold point only at or above its value", () => {
    const rules = parseFailPoints("job:progress>=40");
    expect(matchFailPoint(rules, "job:progress", 39.9)).toBeNull();
    expect(matchFailPoint(rules, "job:progress")).toBeNull();
    expect(matchFailPoint(rules, "job:progress", 40)).not.toBeNull();
    expect(matchFailPoint(rules, "job:progress", 57)).not.toBeNull();
  });

  it("ignores malformed entries instead of guessing", () => {
    expect(parseFailPoints("job:progress>=abc,ARCHIVE MARKED,:kill")).toEqual([]);
  });
});
