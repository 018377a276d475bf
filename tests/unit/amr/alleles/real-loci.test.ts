// Allele calls on two real loci cut from public assemblies, against ResFinder 4.3's calls and its
// printed alignments there (tests/fixtures/amr/real-loci.json).
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog, type Catalog } from "../../../../lib/amr/catalog";
import { readFasta } from "../../../../lib/amr/fasta-reader";
import { resolveParams } from "../../../../lib/amr/models";
import { predictAmr } from "../../../../lib/amr/predict";

const FIXTURES = path.join(__dirname, "../../../fixtures/amr");
const expected = JSON.parse(readFileSync(path.join(FIXTURES, "real-loci.json"), "utf8")) as Record<
  string,
  { refId: string; start: number; end: number; identity: number; coverage: number; nucleotideChanges?: string[] }[]
>;

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog("/usr/share/resfinder/db");
});

async function run(file: string) {
  const params = resolveParams({});
  if (!params.ok) throw new Error("default params rejected");
  return predictAmr(await readFasta([readFileSync(path.join(FIXTURES, file))]), catalog, params.params);
}

describe("allele calls on real loci", () => {
  it("eight blaZ alleles tied at one S. epidermidis locus: the same calls as ResFinder, each with ResFinder's one difference", async () => {
    const result = await run("blaZ-tied-locus.fa");
    const want = expected["blaZ-tied-locus.fa"];
    const calls = result.genes.map(({ refId, start, end, identity, coverage }) => ({ refId, start, end, identity, coverage }));
    expect(calls.sort((a, b) => a.refId.localeCompare(b.refId))).toEqual(want.map(({ nucleotideChanges: _, ...c }) => c).sort((a, b) => a.refId.localeCompare(b.refId)));
    for (const w of want) {
      const gene = result.genes.find((g) => g.refId === w.refId)!;
      expect(gene.allele, w.refId).toMatchObject({ status: "variant", referenceStart: 1, referenceEnd: 846, nucleotideChanges: w.nucleotideChanges, frameshift: false, prematureStop: false });
      // One base, so at most one residue, changed.
      expect(gene.allele!.aminoAcidChanges!.length).toBeLessThanOrEqual(1);
    }
  });

  it("formA on the reverse strand of E. coli Sakai at 80.83 %: a full-length variant, not truncated", async () => {
    const result = await run("formA-variant-locus.fa");
    const [want] = expected["formA-variant-locus.fa"];
    expect(result.genes.map(({ refId, start, end, identity, coverage }) => ({ refId, start, end, identity, coverage }))).toEqual([want]);
    const allele = result.genes[0].allele!;
    expect(result.genes[0].strand).toBe("-");
    expect(allele).toMatchObject({ status: "variant", referenceStart: 1, referenceEnd: 1110, frameshift: false, prematureStop: false, proteinLength: 369, referenceProteinLength: 369 });
    // About a fifth of 1110 bases differ.
    expect(allele.nucleotideChanges.length).toBeGreaterThan(150);
    expect(allele.nucleotideChanges.length).toBeLessThan(260);
  });
});
