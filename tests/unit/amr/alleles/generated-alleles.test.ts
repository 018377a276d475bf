// Allele calls on generated genomes, where every edit is known: substitutions, indels of 1-3 bases,
// truncated copies and genes broken across contigs, on both strands.
import { beforeAll, describe, expect, it } from "vitest";
import { annotateGenes } from "../../../../lib/amr/alleles/annotate-genes";
import { isCodingSequence } from "../../../../lib/amr/alleles/genetic-code";
import { loadCatalog, type Catalog } from "../../../../lib/amr/catalog";
import { readFasta } from "../../../../lib/amr/fasta-reader";
import { resolveParams } from "../../../../lib/amr/models";
import { predictAmr } from "../../../../lib/amr/predict";
import { generateGenome } from "../../../helpers/genome-generator";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog("/usr/share/resfinder/db");
});

async function run(seed: number) {
  const genome = generateGenome(catalog, { seed, contigs: 4, contigLength: 0, genesPerContig: 6 });
  const params = resolveParams({ minCoverage: 21 });
  if (!params.ok) throw new Error("params rejected");
  const parsed = await readFasta([Buffer.from(genome.fasta)]);
  return { genome, parsed, result: await predictAmr(parsed, catalog, params.params) };
}

describe("allele calls on generated genomes", () => {
  for (const seed of [11, 12, 13]) {
    it(`describe each inserted gene by the edits made to it (seed ${seed})`, async () => {
      const { genome, result } = await run(seed);
      let checked = 0;
      for (const ins of genome.insertions) {
        const gene = result.genes.find((g) => g.refId === ins.refId && g.contig === ins.contig && g.start === ins.start);
        if (!gene) continue;
        const ref = catalog.refs.find((r) => r.refId === ins.refId)!;
        const coding = isCodingSequence(ref.codes);
        const { substitutions, indelLength, refFrom, refTo } = ins.edits;
        const allele = gene.allele!;
        const label = `${ins.kind} ${ins.refId} ${ins.strand}`;
        expect(allele.nucleotideChanges, label).toHaveLength(substitutions + (indelLength > 0 ? 1 : 0));
        expect(allele.nucleotideChanges.filter((c) => /^c\.\d+[ACGT]>[ACGT]$/.test(c)), label).toHaveLength(substitutions);
        expect([allele.referenceStart, allele.referenceEnd], label).toEqual([refFrom + 1, refTo]);
        expect(allele.aminoAcidChanges === null, label).toBe(!coding);
        expect(allele.frameshift, label).toBe(coding && indelLength % 3 !== 0);
        const whole = refFrom === 0 && refTo === ref.codes.length;
        const status = allele.frameshift || allele.prematureStop ? "truncated" : !whole ? "partial" : allele.nucleotideChanges.length ? "variant" : "exact";
        expect(allele.status, label).toBe(status);
        if (ins.kind === "exact") expect(allele.status, label).toBe("exact");
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(15);
    });
  }

  it("adds the allele and changes nothing else in a call", async () => {
    const { result, parsed } = await run(12);
    const bare = result.genes.map(({ allele: _, ...rest }) => rest);
    const again = annotateGenes(bare, parsed.contigs, catalog);
    expect(again).toEqual(result.genes);
    expect(again.map(({ allele: _, ...rest }) => rest)).toEqual(bare);
  });
});
