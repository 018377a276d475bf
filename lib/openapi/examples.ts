// Example values shown in the API reference. Each is validated against its schema by the
// OpenAPI test, so a wrong example fails CI instead of misleading a script author.
import type { z } from "zod";
import type { amrResultSchema, apiTokenSchema, jobDetailSchema, jobSummarySchema } from "./response-schemas";

export const JOB_ID = "7f8d2c1e-4b3a-4f6e-9d21-5a0c3e8b9f10";
export const TOKEN_ID = "0b6e1c52-9a47-4d0e-8c3f-2e7a9b41d5c6";

export const jobSummaryExample: z.infer<typeof jobSummarySchema> = {
  id: JOB_ID,
  name: "isolate 7",
  status: "Completed",
  progress: 100,
  phase: null,
  etaSeconds: null,
  modelName: "resfinder-genes",
  createdAt: "2026-03-01T09:00:00.000Z",
  startedAt: "2026-03-01T09:00:01.000Z",
  completedAt: "2026-03-01T09:00:07.000Z",
  archivedAt: null,
  archiveAt: "2026-03-08T09:00:07.000Z",
  deleteAt: "2026-03-31T09:00:07.000Z",
  error: null,
  version: 6,
};

export const jobDetailExample: z.infer<typeof jobDetailSchema> = {
  ...jobSummaryExample,
  params: { modelName: "resfinder-genes", batchSize: 8, segmentLength: 6000, segmentOverlap: 0, useCpu: true, minIdentity: 80, minCoverage: 60 },
  input: { fileName: "isolate7.fa.gz", sizeBytes: 1_482_113, sha256: "9f2c".padEnd(64, "0"), contigs: 84, bases: 5_131_220 },
  progressInfo: { phase: "done", segmentsDone: 856, segmentsTotal: 856 },
  attempts: 1,
  cancelRequested: false,
  retryAt: null,
};

export const queuedJobExample: z.infer<typeof jobDetailSchema> = {
  ...jobDetailExample,
  status: "Submitted",
  progress: 0,
  startedAt: null,
  completedAt: null,
  archiveAt: null,
  deleteAt: null,
  progressInfo: {},
  attempts: 0,
  version: 0,
};

export const amrResultExample: z.infer<typeof amrResultSchema> = {
  model: "resfinder-genes",
  input: { contigs: 1, bases: 4_000 },
  genes: [
    {
      refId: "blaTEM-1B_1_AY458016", gene: "blaTEM-1B", accession: "AY458016", class: "Beta-lactam", contig: "contig_1",
      start: 1201, end: 2061, strand: "+", identity: 100, coverage: 100, alignmentLength: 861, referenceLength: 861,
      antibiotics: ["amoxicillin", "ampicillin", "piperacillin"],
      allele: {
        status: "exact", referenceStart: 1, referenceEnd: 861, nucleotideChanges: [], aminoAcidChanges: [],
        frameshift: false, prematureStop: false, proteinLength: 286, referenceProteinLength: 286,
      },
    },
    {
      refId: "blaCTX-M-15_1_AY044436", gene: "blaCTX-M-15", accession: "AY044436", class: "Beta-lactam", contig: "contig_1",
      start: 2950, end: 3825, strand: "-", identity: 99.89, coverage: 100, alignmentLength: 876, referenceLength: 876,
      antibiotics: ["amoxicillin", "ampicillin", "aztreonam", "cefepime", "cefotaxime", "ceftazidime", "ceftriaxone", "piperacillin", "ticarcillin"],
      allele: {
        status: "variant", referenceStart: 1, referenceEnd: 876, nucleotideChanges: ["c.506A>G"], aminoAcidChanges: ["E169G"],
        frameshift: false, prematureStop: false, proteinLength: 291, referenceProteinLength: 291,
      },
    },
  ],
  phenotypes: [
    { antibiotic: "ampicillin", class: "beta-lactam", phenotype: "Resistant", genes: ["blaTEM-1B_1_AY458016", "blaCTX-M-15_1_AY044436"] },
    { antibiotic: "ciprofloxacin", class: "quinolone", phenotype: "No resistance detected", genes: [] },
  ],
};

export const tokenExample: z.infer<typeof apiTokenSchema> = {
  id: TOKEN_ID,
  name: "cluster pipeline",
  prefix: "amr_Xb3k9Q",
  status: "active",
  createdAt: "2026-03-01T08:00:00.000Z",
  expiresAt: "2026-05-30T08:00:00.000Z",
  lastUsedAt: "2026-03-01T09:00:00.000Z",
};

export const genesTsvExample =
  "sample\trefId\tgene\taccession\tclass\tcontig\tstart\tend\tstrand\tidentity\tcoverage\talignmentLength\treferenceLength\tantibiotics" +
  "\talleleStatus\treferenceSpan\tnucleotideChanges\taminoAcidChanges\tframeshift\tprematureStop\totherPieces\tsensitiveOnly\n" +
  "isolate 7\tblaTEM-1B_1_AY458016\tblaTEM-1B\tAY458016\tBeta-lactam\tcontig_1\t1201\t2061\t+\t100.00\t100.00\t861\t861\tamoxicillin, ampicillin, piperacillin" +
  "\texact\t1..861\t\t\tno\tno\t\tno\n";

export const phenotypesTsvExample =
  "sample\tantibiotic\tclass\tphenotype\tgenes\n" +
  "isolate 7\tampicillin\tbeta-lactam\tResistant\tblaTEM-1B_1_AY458016\n" +
  "isolate 7\tciprofloxacin\tquinolone\tNo resistance detected\t\n";

export const errorExample = (code: string, message: string) => ({ error: { code, message } });
