import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog, type Catalog } from "../../../lib/amr/catalog";
import { readFasta } from "../../../lib/amr/fasta-reader";
import { resolveParams } from "../../../lib/amr/models";
import { predictAmr } from "../../../lib/amr/predict";
import type { AmrParams, GeneHit } from "../../../lib/amr/types";
import { generateGenome, type Insertion } from "../../helpers/genome-generator";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog("/usr/share/resfinder/db");
});

function params(overrides: Partial<AmrParams> = {}): AmrParams {
  const r = resolveParams(overrides);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.params;
}

const callKey = (h: Pick<GeneHit, "refId" | "contig" | "start" | "end" | "strand" | "identity" | "coverage" | "alignmentLength">) =>
  `${h.refId} ${h.contig}:${h.start}-${h.end}${h.strand} id=${h.identity} cov=${h.coverage} len=${h.alignmentLength}`;

async function run(fasta: string, p: AmrParams) {
  return predictAmr(await readFasta([Buffer.from(fasta)]), catalog, p);
}

describe("genes inserted into random genomes", () => {
  for (const seed of [11, 12, 13]) {
    it(`finds every inserted gene with its coordinates, strand, identity and coverage (seed ${seed})`, async () => {
      const genome = generateGenome(catalog, { seed, contigs: 4, contigLength: 0, genesPerContig: 6 });
      const kinds = new Set(genome.insertions.map((i) => i.kind));
      expect(kinds.size).toBeGreaterThanOrEqual(5);
      expect(new Set(genome.insertions.map((i) => i.strand))).toEqual(new Set(["+", "-"]));
      const result = await run(genome.fasta, params());
      const expected = genome.insertions.filter((i: Insertion) => i.called).map(callKey).sort();
      expect(result.genes.map(callKey).sort()).toEqual(expected);
      expect(result.input).toMatchObject({ contigs: 4, bases: genome.bases });
      // The plot's scale: the length of every contig that carries a call, and only those.
      const lengths = new Map(genome.fasta.split(">").slice(1).map((rec) => {
        const [head, ...lines] = rec.split("\n");
        return [head.split(/\s/)[0], lines.join("").length] as const;
      }));
      const called = [...new Set(result.genes.map((g) => g.contig))].sort();
      expect(result.input.contigLengths?.map((c) => c.id).sort()).toEqual(called);
      for (const c of result.input.contigLengths ?? []) expect(c.length).toBe(lengths.get(c.id));
    });
  }

  it("follows the identity and coverage thresholds", async () => {
    const genome = generateGenome(catalog, { seed: 12, contigs: 4, contigLength: 0, genesPerContig: 6 });
    const strict = await run(genome.fasta, params({ minIdentity: 99.5, minCoverage: 95 }));
    const expected = genome.insertions.filter((i) => i.identity >= 99.5 && i.coverage >= 95).map(callKey).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(genome.insertions.filter((i) => i.called).length);
    expect(strict.genes.map(callKey).sort()).toEqual(expected);
    // Broken genes' halves are reported only once the coverage threshold lets them through, never merged.
    const loose = await run(genome.fasta, params({ minCoverage: 21 }));
    const halves = genome.insertions.filter((i) => i.kind.startsWith("break"));
    for (const half of halves) expect(loose.genes.map(callKey)).toContain(callKey(half));
  });
});

describe("segment invariance", () => {
  const settings: Partial<AmrParams>[] = [
    { segmentLength: 1000, segmentOverlap: 0, batchSize: 1 },
    { segmentLength: 1000, segmentOverlap: 999, batchSize: 3 },
    { segmentLength: 1777, segmentOverlap: 333, batchSize: 2 },
    { segmentLength: 6000, segmentOverlap: 0, batchSize: 8 },
    { segmentLength: 1_000_000, segmentOverlap: 500, batchSize: 1024 },
  ];

  it("gives identical results for every segment length, overlap and batch size", async () => {
    const genome = generateGenome(catalog, { seed: 21, contigs: 3, contigLength: 0, genesPerContig: 8 });
    const results = [];
    for (const s of settings) results.push(await run(genome.fasta, params(s)));
    expect(results[0].genes.length).toBeGreaterThan(10);
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
  });

  it("finds a gene crossing a segment boundary exactly once", async () => {
    const genome = generateGenome(catalog, { seed: 22, contigs: 1, contigLength: 0, genesPerContig: 5 });
    const gene = genome.insertions.find((i) => i.called && i.end - i.start > 500)!;
    // A segment boundary in the middle of the gene, whatever the overlap.
    const segmentLength = Math.floor((gene.start + gene.end) / 2);
    for (const segmentOverlap of [0, 100]) {
      const result = await run(genome.fasta, params({ segmentLength: Math.max(1000, segmentLength), segmentOverlap }));
      expect(result.genes.filter((g) => g.refId === gene.refId && g.start === gene.start)).toHaveLength(1);
    }
  });
});
