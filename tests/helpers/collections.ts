import { randomUUID } from "node:crypto";
import type { AmrResult } from "@/lib/amr/types";
import type { Db } from "@/lib/db";
import { jobFiles } from "@/lib/jobs/job-files";
import { RESULT_FORMATS, renderResultFiles, type ResultFormat } from "@/lib/jobs/result-files";
import type { Storage } from "@/lib/storage";
import { defaultParams } from "./test-db";

/** A hand-made engine result: `resistant` maps antibiotic → [class, gene names]. */
export function resultWith(genes: { gene: string; class: string; identity: number; antibiotics: string[] }[], alsoRated: [string, string][] = []): AmrResult {
  const hits = genes.map((g, i) => ({
    refId: `${g.gene}_1_ACC${i}`,
    gene: g.gene,
    accession: `ACC${i}`,
    class: g.class,
    contig: "contig1",
    start: 100 * i + 1,
    end: 100 * i + 90,
    strand: "+" as const,
    identity: g.identity,
    coverage: 100,
    alignmentLength: 90,
    referenceLength: 90,
    antibiotics: g.antibiotics,
  }));
  const rated = new Map<string, { class: string; genes: string[] }>();
  for (const [ab, cls] of alsoRated) rated.set(ab, { class: cls, genes: [] });
  for (const h of hits) for (const ab of h.antibiotics) rated.set(ab, { class: h.class, genes: [...(rated.get(ab)?.genes ?? []), h.refId] });
  return {
    model: "resfinder-genes",
    input: { contigs: 1, bases: 5000 },
    genes: hits,
    phenotypes: [...rated].map(([antibiotic, r]) => ({
      antibiotic,
      class: r.class,
      phenotype: r.genes.length ? ("Resistant" as const) : ("No resistance detected" as const),
      genes: r.genes,
    })),
  };
}

/** A finished job with its real result files in storage, as the worker leaves them. */
export async function seedFinishedJob(
  db: Db,
  storage: Storage,
  userId: string,
  spec: { name: string; result?: AmrResult; status?: string; createdAt?: Date; completedAt?: Date; archivedAt?: Date | null },
): Promise<string> {
  const id = randomUUID();
  const status = spec.status ?? "Completed";
  let resultFilePath: string | null = null;
  if (spec.result) {
    resultFilePath = jobFiles.results(id, randomUUID());
    for (const [format, body] of Object.entries(renderResultFiles(spec.result, spec.name))) {
      await storage.put(resultFilePath + RESULT_FORMATS[format as ResultFormat].file, body);
    }
  }
  await db.amrJob.create({
    data: {
      id,
      userId,
      jobName: spec.name,
      status,
      progress: status === "Completed" ? 100 : 0,
      createdAt: spec.createdAt ?? new Date(),
      completedAt: ["Completed", "Error", "Cancelled", "Archived"].includes(status) ? (spec.completedAt ?? new Date()) : null,
      archivedAt: spec.archivedAt ?? null,
      resultFilePath,
      params: { create: defaultParams },
    },
  });
  return id;
}
