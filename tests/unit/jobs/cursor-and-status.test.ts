import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/pagination/keyset";
import { canTransition, isTerminal } from "@/lib/jobs/status";

describe("cursor", () => {
  it("round-trips", () => {
    const c = { createdAt: new Date("2026-03-04T05:06:07.891Z"), id: "0b9f6c4e-2a57-4ad0-9a53-8f1d8c4e6f10" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it.each(["", "garbage", Buffer.from("1:abc';--").toString("base64url"), "x".repeat(500)])(
    "rejects %j",
    (raw) => expect(decodeCursor(raw)).toBeNull(),
  );
});

describe("job state machine", () => {
  it("allows the documented transitions only", () => {
    expect(canTransition("Submitted", "Processing")).toBe(true);
    expect(canTransition("Processing", "Submitted")).toBe(true);
    expect(canTransition("Completed", "Archived")).toBe(true);
    expect(canTransition("Completed", "Processing")).toBe(false);
    expect(canTransition("Archived", "Completed")).toBe(false);
    expect(canTransition("Submitted", "Completed")).toBe(false);
  });

  it("knows terminal states", () => {
    expect(["Completed", "Error", "Cancelled", "Archived"].every(isTerminal)).toBe(true);
    expect(isTerminal("Submitted") || isTerminal("Processing")).toBe(false);
  });
});
