// Allele calls through a real job: upload, the real engine off-thread, then the downloads. Eight blaZ
// alleles tie at one S. epidermidis locus (tests/fixtures/amr/blaZ-tied-locus.fa): ResFinder reports
// each, and so do the TSV and the JSON, each with its own difference from the genome.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as uploadJob } from "@/app/api/jobs/route";
import { GET as resultsRoute } from "@/app/api/jobs/[id]/results/route";
import type { AmrResult } from "@/lib/amr/types";
import { claimNextJob } from "@/lib/jobs/job-repository";
import { systemClock } from "@/lib/jobs/worker/clock";
import { workerThreadRunner } from "@/lib/jobs/worker/engine-runner";
import { runClaimedJob } from "@/lib/jobs/worker/run-claimed-job";
import { withAppTestDb } from "../helpers/app-db";
import { authedRequest } from "../helpers/auth";
import { withAppStorage, type TempStorage } from "../helpers/jobs";
import { seedUser } from "../helpers/test-db";

const t = withAppTestDb();
let s: TempStorage;
withAppStorage((storage) => {
  s = storage;
});

const BASE = "http://localhost:3000";
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const FIXTURES = path.join(__dirname, "../fixtures/amr");
const expected = JSON.parse(readFileSync(path.join(FIXTURES, "real-loci.json"), "utf8"))["blaZ-tied-locus.fa"] as { refId: string; nucleotideChanges: string[] }[];

async function completedJob() {
  const user = await seedUser(t.current.db);
  const form = new FormData();
  form.append("file", new Blob([readFileSync(path.join(FIXTURES, "blaZ-tied-locus.fa"))]), "blaZ.fa");
  form.append("jobName", "ST14 blaZ");
  const res = await uploadJob(await authedRequest(`${BASE}/api/jobs`, user, { method: "POST", body: form }), { params: Promise.resolve({}) });
  expect(res.status).toBe(201);
  const { id } = await res.json();
  const claim = await claimNextJob(t.current.db, "w", { leaseMs: 30_000 });
  await runClaimedJob(
    { db: t.current.db, storage: s.storage, runner: workerThreadRunner, clock: systemClock, leaseMs: 30_000, cancelPollMs: 200, progressIntervalMs: 0 },
    claim!,
    new AbortController().signal,
  );
  const download = async (format: string) => resultsRoute(await authedRequest(`${BASE}/api/jobs/${id}/results?format=${format}`, user), ctx(id));
  return { download };
}

describe("allele calls in a job's downloads", () => {
  it("keeps one TSV row per tied allele, with its allele columns at the end, and the same in the JSON", async () => {
    const { download } = await completedJob();
    const tsv = await (await download("genes.tsv")).text();
    const [header, ...rows] = tsv.trimEnd().split("\n").map((line) => line.split("\t"));
    expect(header.slice(14, 20)).toEqual(["alleleStatus", "referenceSpan", "nucleotideChanges", "aminoAcidChanges", "frameshift", "prematureStop"]);
    expect(header.slice(0, 14)).toEqual(["sample", "refId", "gene", "accession", "class", "contig", "start", "end", "strand", "identity", "coverage", "alignmentLength", "referenceLength", "antibiotics"]);
    expect(rows).toHaveLength(8);
    const col = (name: string) => header.indexOf(name);
    for (const want of expected) {
      const row = rows.find((r) => r[col("refId")] === want.refId)!;
      expect(row, want.refId).toBeDefined();
      expect(row[col("alleleStatus")]).toBe("variant");
      expect(row[col("referenceSpan")]).toBe("1..846");
      expect(row[col("nucleotideChanges")]).toBe(want.nucleotideChanges.join(","));
      expect(row[col("aminoAcidChanges")]).toMatch(/^([A-Z]\d+[A-Z])?$/);
      expect([row[col("frameshift")], row[col("prematureStop")]]).toEqual(["no", "no"]);
    }

    const json = (await (await download("json")).json()) as AmrResult;
    expect(json.genes).toHaveLength(8);
    for (const gene of json.genes) {
      const want = expected.find((w) => w.refId === gene.refId)!;
      expect(gene.allele).toMatchObject({ status: "variant", nucleotideChanges: want.nucleotideChanges, frameshift: false, prematureStop: false });
    }
  });
});
