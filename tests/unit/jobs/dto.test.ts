import { describe, expect, it } from "vitest";
import { parseProgressInfo, toJobDetail, toJobSummary } from "@/lib/jobs/dto";
import type { AmrJob, AmrJobParams } from "@/generated/prisma/client";

const row = (over: Partial<AmrJob> = {}): AmrJob & { params: AmrJobParams } => ({
  id: "0b9f6c4e-2a57-4ad0-9a53-8f1d8c4e6f10",
  userId: "u1",
  jobName: "isolate 7",
  status: "Processing",
  progress: 42.345,
  createdAt: new Date("2026-01-02T03:04:05.000Z"),
  startedAt: new Date("2026-01-02T03:05:00.000Z"),
  completedAt: null,
  error: null,
  inputFilePath: "/srv/storage/inputs/secret-path.fa",
  resultFilePath: "/srv/storage/results/secret-path.json",
  additionalInfo: JSON.stringify({ phase: "search", segmentsDone: 3, segmentsTotal: 10, etaSeconds: 12 }),
  inputFileName: "isolate.fa",
  inputFileSize: 1234,
  inputSha256: "ab".repeat(32),
  inputContigs: 2,
  inputBases: 1000,
  leaseOwner: "worker-1",
  leaseToken: "lease-token-secret",
  leaseExpiresAt: new Date(),
  attempts: 1,
  notBefore: null,
  cancelRequested: false,
  archivedAt: null,
  version: 7,
  updatedAt: new Date(),
  ...over,
  params: {
    jobId: "0b9f6c4e-2a57-4ad0-9a53-8f1d8c4e6f10",
    modelName: "resfinder-genes",
    batchSize: 8,
    segmentLength: 6000,
    segmentOverlap: 0,
    useCpu: true,
    minIdentity: 80,
    minCoverage: 60,
  },
});

describe("job DTOs", () => {
  it("never carries file paths or lease columns", () => {
    const text = JSON.stringify(toJobDetail(row()));
    expect(text).not.toContain("secret-path");
    expect(text).not.toContain("lease-token-secret");
    expect(text).not.toContain("worker-1");
    expect(text).not.toMatch(/userId|inputFilePath|resultFilePath|leaseToken/);
  });

  it("maps progress details and dates", () => {
    const s = toJobSummary(row());
    expect(s).toMatchObject({
      name: "isolate 7",
      status: "Processing",
      progress: 42.3,
      phase: "search",
      etaSeconds: 12,
      modelName: "resfinder-genes",
      createdAt: "2026-01-02T03:04:05.000Z",
      completedAt: null,
      version: 7,
    });
    const d = toJobDetail(row());
    expect(d.input).toEqual({ fileName: "isolate.fa", sizeBytes: 1234, sha256: "ab".repeat(32), contigs: 2, bases: 1000 });
    expect(d.params?.segmentLength).toBe(6000);
    expect(d.progressInfo.segmentsTotal).toBe(10);
  });

  it("shows when a job waiting out a retry backoff runs again, and nothing once it has been claimed", () => {
    const at = new Date("2026-01-02T03:10:00.000Z");
    expect(toJobDetail(row({ status: "Submitted", notBefore: at })).retryAt).toBe("2026-01-02T03:10:00.000Z");
    expect(toJobDetail(row({ status: "Submitted", notBefore: null })).retryAt).toBeNull();
    expect(toJobDetail(row({ status: "Processing", notBefore: at })).retryAt).toBeNull();
  });

  it("tolerates corrupt progress JSON", () => {
    expect(parseProgressInfo("{not json")).toEqual({});
    expect(parseProgressInfo("[1,2]")).toEqual({});
    expect(toJobSummary(row({ additionalInfo: "oops" })).phase).toBeNull();
  });

  it("refuses a status it does not know", () => {
    expect(() => toJobSummary(row({ status: "Exploded" }))).toThrow(/Unknown job status/);
  });
});
