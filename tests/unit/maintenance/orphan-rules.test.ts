import { describe, expect, it } from "vitest";
import { jobIdOfKey } from "@/lib/jobs/job-files";
import { isOrphanFile, type FileOwner } from "@/lib/maintenance/orphan-rules";

const NOW = new Date("2027-01-10T00:00:00.000Z");
const HOUR = 3_600_000;
const file = (key: string, ageHours = 100) => ({ key, modifiedAt: new Date(NOW.getTime() - ageHours * HOUR) });
const J = "0b7c5c9e-1111-4222-8333-444455556666";
const owner = (status: string, over: Partial<FileOwner> = {}): FileOwner => ({
  status,
  inputFilePath: `inputs/${J}.fa`,
  resultFilePath: `results/${J}/tok1/`,
  ...over,
});

describe("jobIdOfKey", () => {
  it("reads the job id from each area's layout", () => {
    expect(jobIdOfKey(`inputs/${J}.fa.gz`)).toEqual({ area: "inputs", jobId: J });
    expect(jobIdOfKey(`results/${J}/tok/genes.tsv`)).toEqual({ area: "results", jobId: J });
    expect(jobIdOfKey(`archive/${J}/manifest.json`)).toEqual({ area: "archive", jobId: J });
    expect(jobIdOfKey("tmp/x.part")).toBeNull();
    expect(jobIdOfKey("uploads/u1/x")).toBeNull();
    expect(jobIdOfKey("other/x")).toBeNull();
  });
});

describe("isOrphanFile", () => {
  it("without a row: only once older than the grace period", () => {
    expect(isOrphanFile(file(`inputs/${J}.fa`, 24), undefined, NOW, 24)).toBe(true);
    expect(isOrphanFile(file(`inputs/${J}.fa`, 24 - 1 / 3600), undefined, NOW, 24)).toBe(false);
  });

  it("never touches a live job's files, even an unreferenced result folder", () => {
    for (const status of ["Submitted", "Processing"]) {
      expect(isOrphanFile(file(`results/${J}/other-lease/genes.tsv`), owner(status), NOW, 24)).toBe(false);
      expect(isOrphanFile(file(`inputs/${J}.fa`), owner(status, { inputFilePath: null }), NOW, 24)).toBe(false);
    }
  });

  it("keeps exactly what a finished row refers to", () => {
    const o = owner("Completed");
    expect(isOrphanFile(file(`results/${J}/tok1/genes.tsv`), o, NOW, 24)).toBe(false);
    expect(isOrphanFile(file(`results/${J}/lost-lease/genes.tsv`), o, NOW, 24)).toBe(true);
    expect(isOrphanFile(file(`inputs/${J}.fa`), o, NOW, 24)).toBe(false);
    expect(isOrphanFile(file(`inputs/${J}.fa`), owner("Completed", { inputFilePath: null }), NOW, 24)).toBe(true);
    // A half-written archive of a job not yet archived is the archiver's to overwrite.
    expect(isOrphanFile(file(`archive/${J}/genes.tsv.gz`), o, NOW, 24)).toBe(false);
  });

  it("an archived job keeps its archive and loses the originals an interrupted run left", () => {
    const o = owner("Archived", { inputFilePath: null, resultFilePath: `archive/${J}/` });
    expect(isOrphanFile(file(`archive/${J}/genes.tsv.gz`, 0), o, NOW, 24)).toBe(false);
    expect(isOrphanFile(file(`results/${J}/tok1/genes.tsv`, 0), o, NOW, 24)).toBe(true);
    expect(isOrphanFile(file(`inputs/${J}.fa`, 0), o, NOW, 24)).toBe(true);
  });
});
