import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog, type Catalog } from "../../../lib/amr/catalog";
import { readFasta } from "../../../lib/amr/fasta-reader";
import { DEFAULT_MODEL, SENSITIVE_MODEL, resolveParams } from "../../../lib/amr/models";
import { predictAmr } from "../../../lib/amr/predict";
import type { AmrParams, AmrResult, GeneHit } from "../../../lib/amr/types";
import { generateGenome } from "../../helpers/genome-generator";
import { generateSensitiveGenome, type SensitiveInsert } from "../../helpers/sensitive-genome";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog("/usr/share/resfinder/db");
});

function params(modelName: string, overrides: Partial<AmrParams> = {}): AmrParams {
  const r = resolveParams({ modelName, ...overrides });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.params;
}

async function both(fasta: string, overrides: Partial<AmrParams> = {}): Promise<{ plain: AmrResult; sensitive: AmrResult }> {
  const genome = await readFasta([Buffer.from(fasta)]);
  return {
    plain: await predictAmr(genome, catalog, params(DEFAULT_MODEL, overrides)),
    sensitive: await predictAmr(genome, catalog, params(SENSITIVE_MODEL, overrides)),
  };
}

const at = (g: GeneHit, ins: SensitiveInsert) => {
  const p = ins.pieces[0];
  return g.contig === p.contig && Math.min(g.end, p.end) - Math.max(g.start, p.start) >= 30;
};
/** A call explained by an insert: its reference, where the insert lies. */
const explains = (ins: SensitiveInsert, g: GeneHit) => g.refId === ins.refId && at(g, ins);
const withoutMarks = ({ sensitiveOnly: _s, ...g }: GeneHit) => g;

describe("the resfinder-sensitive model on generated genomes", () => {
  for (const seed of [1, 2, 3]) {
    it(`finds 80–90 % genes without a 28-base run, joins split genes, and reports nothing else (seed ${seed})`, async () => {
      const g = generateSensitiveGenome(catalog, seed);
      const { plain, sensitive } = await both(g.fasta);
      expect(sensitive.model).toBe(SENSITIVE_MODEL);
      expect(plain.model).toBe(DEFAULT_MODEL);
      const diverged = g.inserts.filter((i) => i.kind === "diverged");
      expect(diverged.length).toBeGreaterThanOrEqual(4);
      for (const ins of diverged) {
        expect(ins.identity).toBeGreaterThanOrEqual(80);
        expect(ins.identity).toBeLessThan(90);
        const call = sensitive.genes.find((c) => explains(ins, c));
        expect(call, `${ins.refId} at ${ins.identity} %`).toBeDefined();
        expect(Math.abs(call!.identity - ins.identity)).toBeLessThanOrEqual(1);
        expect(call!.coverage).toBeGreaterThanOrEqual(95);
        // Megablast's 28-base word cannot start it: only the sensitive model calls it, and says so.
        if (ins.longestRun < 28) {
          expect(plain.genes.some((c) => explains(ins, c))).toBe(false);
          expect(call!.sensitiveOnly).toBe(true);
        }
      }
      for (const ins of g.inserts.filter((i) => i.kind === "far" || i.kind === "half")) {
        expect(sensitive.genes.filter((c) => at(c, ins)), `${ins.kind} ${ins.refId}`).toEqual([]);
      }
      for (const ins of g.inserts.filter((i) => i.kind === "split")) {
        const calls = sensitive.genes.filter((c) => c.refId === ins.refId);
        expect(calls).toHaveLength(1);
        expect(calls[0]).toMatchObject({ split: true, sensitiveOnly: true, identity: 100, coverage: 100, pieces: ins.pieces, ...ins.pieces[0] });
        // Its allele reads both pieces, not only the first.
        expect(calls[0].allele).toMatchObject({ status: "partial", referenceStart: 1, referenceEnd: calls[0].referenceLength, nucleotideChanges: [] });
      }
      // Every call is an insert's; the close ones are called alike by both models.
      for (const c of sensitive.genes) expect(g.inserts.some((ins) => explains(ins, c)), c.refId).toBe(true);
      for (const ins of g.inserts.filter((i) => i.kind === "close")) {
        expect(sensitive.genes.filter((c) => explains(ins, c))).toEqual(plain.genes.filter((c) => explains(ins, c)));
        expect(plain.genes.some((c) => explains(ins, c))).toBe(true);
      }
      // The plot's contig lengths include the second contig of a split gene.
      const pieceContigs = sensitive.genes.flatMap((c) => (c.pieces ?? []).map((p) => p.contig));
      for (const contig of pieceContigs) expect(sensitive.input.contigLengths?.map((c) => c.id)).toContain(contig);
    });
  }

  for (const seed of [11, 12, 13, 21]) {
    it(`keeps every call of the default model unless it joins it into a split gene (seed ${seed})`, async () => {
      const g = generateGenome(catalog, { seed, contigs: 4, contigLength: 0, genesPerContig: 6 });
      const { plain, sensitive } = await both(g.fasta);
      const joinedPieces = sensitive.genes.flatMap((c) => (c.split ? c.pieces!.map((p) => `${c.refId} ${p.contig}:${p.start}-${p.end}`) : []));
      const kept = plain.genes.filter((c) => !joinedPieces.includes(`${c.refId} ${c.contig}:${c.start}-${c.end}`));
      expect(sensitive.genes.filter((c) => !c.sensitiveOnly)).toEqual(kept);
      // The generator breaks one exact gene across each pair of consecutive contigs: all are joined, whole.
      const broken = g.insertions.filter((i) => i.kind === "break-head");
      expect(broken).toHaveLength(3);
      for (const b of broken) {
        expect(sensitive.genes.find((c) => c.refId === b.refId)).toMatchObject({ split: true, contig: b.contig, start: b.start, identity: 100, coverage: 100 });
      }
      // Resistant antibiotics of the default model are all still resistant.
      const resistant = (r: AmrResult) => r.phenotypes.filter((p) => p.phenotype === "Resistant").map((p) => `${p.class}/${p.antibiotic}`);
      expect(resistant(sensitive)).toEqual(expect.arrayContaining(resistant(plain)));
      expect(sensitive.genes.filter((c) => c.sensitiveOnly && !c.split).map(withoutMarks)).toEqual([]);
    });
  }

  it("follows the thresholds: a stricter identity drops the diverged genes it found", async () => {
    const g = generateSensitiveGenome(catalog, 2);
    const { sensitive } = await both(g.fasta, { minIdentity: 90 });
    for (const ins of g.inserts.filter((i) => i.kind === "diverged")) expect(sensitive.genes.some((c) => explains(ins, c))).toBe(false);
    expect(sensitive.genes.some((c) => c.split)).toBe(true);
  });
});
